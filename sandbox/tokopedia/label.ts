import type { TokopediaState } from './state';
import type { Order } from './types';

const esc = (s: unknown) =>
	String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Shipping label (O7): a printable HTML page with invoice, order id, courier and booking code. */
export function renderLabel(s: TokopediaState, o: Order): string {
	const shop = s.shopById.get(o.shop_id)!;
	const wh = s.warehouses.get(o.warehouse_id);
	const weight = o.items.reduce((t, i) => t + i.weight * i.quantity, 0);
	const rows = o.items
		.map((i) => `<tr><td>${esc(i.name)}</td><td>${esc(i.sku)}</td><td>${i.quantity}</td></tr>`)
		.join('');
	return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Label Pengiriman ${esc(o.invoice)}</title>
<style>body{font-family:Arial,sans-serif;font-size:12px}.label{border:1px dashed #333;padding:12px;width:380px}.barcode{font-family:monospace;font-size:20px;letter-spacing:3px}</style></head>
<body><div class="label" data-order-id="${o.order_id}">
<h2>${esc(o.logistics.shipping_agency)} - ${esc(o.logistics.service_type)}</h2>
<div>Kode Booking: <span class="booking-code barcode">${esc(o.booking_code)}</span></div>
<div>No. Resi: <span class="awb">${esc(o.awb || o.autoresi_awb || '-')}</span></div>
<div>Invoice: <span class="invoice">${esc(o.invoice)}</span></div>
<div>Order ID: <span class="order-id">${o.order_id}</span></div>
<hr><div><b>Penerima:</b> ${esc(o.recipient.name)} (${esc(o.recipient.phone)})<br>${esc(o.recipient.address.address_full)}, ${esc(o.recipient.address.postal_code)}</div>
<div><b>Pengirim:</b> ${esc(shop.shop_name)}${wh ? ` - ${esc(wh.city_name)}` : ''}</div>
<div>Berat: ${weight.toFixed(3)} kg &middot; Ongkir: Rp ${o.shipping_cost}</div>
<table><thead><tr><th>Produk</th><th>SKU</th><th>Qty</th></tr></thead><tbody>${rows}</tbody></table>
<p>Tokopedia sandbox - not a real label</p></div></body></html>
`;
}
