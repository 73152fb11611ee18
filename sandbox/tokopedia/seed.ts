import type { Prng } from '../common/prng';
import { TOKOPEDIA_LINKED_SHOP_IDS, TOKOPEDIA_UNLINKED_SHOP_ID, TOKOPEDIA_WAREHOUSES, ST } from './constants';
import { LEAF_CATEGORIES, SHIPPERS, type TokopediaState } from './state';
import type { Order, OrderItem, Product, Shop, Warehouse } from './types';

const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Andi', 'Ayu', 'Fajar', 'Indah', 'Hendra', 'Rina', 'Yoga', 'Sari', 'Dimas', 'Nur', 'Bayu', 'Wulan'];
const LAST = ['Santoso', 'Wijaya', 'Saputra', 'Pratama', 'Hidayat', 'Lestari', 'Kurniawan', 'Setiawan', 'Nugroho', 'Siregar', 'Harahap', 'Halim'];
const CITIES = [
	{ province: 'DKI Jakarta', province_id: 13, city: 'Jakarta Selatan', city_id: 175, districts: [['Kebayoran Baru', 2270], ['Tebet', 2275]] as const, postal: '12', geo: '-6.2441,106.8004' },
	{ province: 'Jawa Barat', province_id: 12, city: 'Kota Bandung', city_id: 165, districts: [['Coblong', 2101], ['Sukajadi', 2112]] as const, postal: '40', geo: '-6.8936,107.6101' },
	{ province: 'Jawa Timur', province_id: 11, city: 'Kota Surabaya', city_id: 252, districts: [['Gubeng', 3427], ['Wonokromo', 3449]] as const, postal: '60', geo: '-7.2756,112.7508' },
	{ province: 'Jawa Tengah', province_id: 10, city: 'Kota Semarang', city_id: 199, districts: [['Banyumanik', 2622], ['Tembalang', 2634]] as const, postal: '50', geo: '-7.0625,110.4172' },
	{ province: 'Bali', province_id: 1, city: 'Kota Denpasar', city_id: 17, districts: [['Denpasar Selatan', 258]] as const, postal: '80', geo: '-8.7003,115.2164' },
	{ province: 'Sumatera Utara', province_id: 31, city: 'Kota Medan', city_id: 278, districts: [['Medan Baru', 3810]] as const, postal: '20', geo: '3.5825,98.6578' },
	{ province: 'Papua', province_id: 33, city: 'Kab. Mamberamo Tengah', city_id: 555, districts: [['Kobakma', 5455]] as const, postal: '99', geo: '-3.69,139.10' },
];
const STREETS = ['Jl. Sudirman', 'Jl. Gatot Subroto', 'Jl. Merdeka', 'Jl. Diponegoro', 'Jl. Ahmad Yani', 'Jl. Melati', 'Jl. Kenanga'];
const NOUNS = ['Kaos Polos', 'Kemeja Batik', 'Celana Chino', 'Hijab Voal', 'Tas Selempang', 'Sepatu Sneakers', 'Jaket Hoodie', 'Sandal Jepit', 'Dompet Kulit', 'Topi Baseball', 'Kopi Bubuk Arabika', 'Sambal Bawang', 'Keripik Pisang', 'Casing HP', 'Earphone Bluetooth'];
const ADJ = ['Premium', 'Original', 'Murah', 'Import', 'Lokal', 'Terlaris', 'Kekinian', 'Motif', 'Eksklusif', 'Oversize'];
const COLORS = [['Hitam', 'BLK'], ['Putih', 'WHT'], ['Navy', 'NVY'], ['Merah', 'RED'], ['Krem', 'CRM']] as const;
const SIZES = ['S', 'M', 'L', 'XL'];
const NOTES = ['', '', '', 'Warna sesuai gambar ya', 'Tolong bubble wrap', 'Kirim cepat'];

const SHOP_DEFS: Array<{ shop_id: number; name: string; domain: string; linked: boolean; city: number }> = [
	{ shop_id: TOKOPEDIA_LINKED_SHOP_IDS[0], name: 'Sandbox Official Store', domain: 'sandbox-official', linked: true, city: 0 },
	{ shop_id: TOKOPEDIA_LINKED_SHOP_IDS[1], name: 'Sandbox Power Merchant', domain: 'sandbox-pm', linked: true, city: 2 },
	{ shop_id: TOKOPEDIA_UNLINKED_SHOP_ID, name: 'Toko Tetangga (not linked)', domain: 'toko-tetangga', linked: false, city: 1 },
];

export function seedTokopedia(s: TokopediaState): void {
	const p = s.prng;
	s.nextProductId = 2148038000 + p.int(0, 999);
	s.nextDetailId = 20791000 + p.int(0, 999);
	s.nextOrderId = 580000000 + p.int(0, 99999);
	let userId = 5510000 + p.int(0, 9999);
	let etalaseId = 1402950;
	for (const d of SHOP_DEFS) {
		const c = CITIES[d.city];
		const shop: Shop = {
			shop_id: d.shop_id,
			user_id: userId++,
			shop_name: d.name,
			domain: d.domain,
			linked: d.linked,
			is_open: 1,
			date_shop_created: '2019-09-24',
			district_id: c.districts[0][1],
			province_name: c.province,
			city_name: c.city,
			close_until: null,
			close_note: '',
			etalase: ['Semua Produk Terbaru', 'Promo', 'Best Seller', 'Pakaian', 'Makanan'].map((name) => ({ id: etalaseId++, name, alias: name.toLowerCase().replace(/\s+/g, '-') })),
			couriers: { 1: [1, 6, 2], 11: [18, 19], 14: [27], 10: [28], 16: [46] },
		};
		if (d.shop_id === TOKOPEDIA_LINKED_SHOP_IDS[1]) shop.couriers = { 1: [1], 4: [8], 11: [18], 14: [27], 999: [999] };
		const whs: Warehouse[] = TOKOPEDIA_WAREHOUSES[d.shop_id].map((wid, i) => {
			const wc = CITIES[(d.city + i * 3) % CITIES.length];
			return {
				warehouse_id: wid,
				shop_id: d.shop_id,
				warehouse_name: i === 0 ? 'Shop Location' : `Gudang ${wc.city}`,
				is_default: i === 0,
				district_id: wc.districts[0][1],
				district_name: wc.districts[0][0],
				city_id: wc.city_id,
				city_name: wc.city,
				province_id: wc.province_id,
				province_name: wc.province,
				postal_code: wc.postal + '110',
				address_detail: `${STREETS[i]} No. ${10 + i}`,
				latlon: wc.geo,
			};
		});
		s.addShop(shop, whs);
		seedProducts(s, p, shop, d.linked ? s.settings.productCount : 20);
	}
	const now = s.clock.now();
	for (const shop of s.shops) seedOrders(s, p, shop.shop_id, shop.linked ? s.settings.orderCount : 20, now);
}

function seedProducts(s: TokopediaState, p: Prng, shop: Shop, count: number): void {
	const prefix = shop.domain.split('-').map((x) => x[0].toUpperCase()).join('') + String(shop.shop_id).slice(-2);
	const whs = s.warehousesByShop.get(shop.shop_id)!;
	const now = s.clock.now();
	const parents = Math.max(1, Math.round(count * 0.05));
	const singles = Math.max(1, count - parents * 4);
	let n = 0;
	const base = (): Product => {
		n++;
		const cat = p.pick(LEAF_CATEGORIES);
		const created = now - p.int(30, 400) * 86400;
		return {
			product_id: s.nextProductId++,
			shop_id: shop.shop_id,
			name: `${p.pick(NOUNS)} ${p.pick(ADJ)} ${String(n).padStart(3, '0')}`.slice(0, 70),
			sku: `${prefix}-${String(n).padStart(4, '0')}`,
			price: p.int(10, 2500) * 100,
			status: p.chance(0.9) ? 1 : 3,
			condition: p.chance(0.95) ? 'NEW' : 'USED',
			category_id: cat.id,
			description: 'Produk berkualitas dari toko sandbox. Bahan nyaman dan awet.',
			weight: p.int(1, 40) * 50,
			min_order: 1,
			etalase_id: p.pick(shop.etalase).id,
			parent_id: null,
			children: [],
			option: null,
			stock: Object.fromEntries(whs.map((w, i) => [w.warehouse_id, i === 0 || p.chance(0.6) ? (p.chance(0.08) ? 0 : p.int(5, 200)) : 0])),
			create_time: created,
			update_time: created + p.int(0, 20) * 86400,
			price_update_time: created,
			auto_inactive: false,
			sold: p.int(0, 900),
			view_count: p.int(10, 20000),
		};
	};
	for (let i = 0; i < singles; i++) s.addProduct(base());
	for (let i = 0; i < parents; i++) {
		const parent = base();
		parent.stock = {};
		const parentSku = parent.sku;
		parent.sku = '';
		s.addProduct(parent);
		for (let k = 0; k < 3; k++) {
			const child = base();
			n--; // children share the parent's number
			const [color, code] = COLORS[k % COLORS.length];
			const size = SIZES[(i + k) % SIZES.length];
			Object.assign(child, {
				name: `${parent.name} - ${color}, ${size}`.slice(0, 70),
				sku: `${parentSku}-${code}-${size}`,
				price: parent.price + k * 500,
				status: parent.status,
				category_id: parent.category_id,
				etalase_id: parent.etalase_id,
				parent_id: parent.product_id,
				option: { color, size },
			});
			parent.children.push(child.product_id);
			s.addProduct(child);
		}
	}
}

/** Status mix by order age (days). */
function statusFor(p: Prng, ageDays: number): number {
	if (ageDays < 1)
		return p.weighted<number>([[ST.PAID, 40], [ST.ACCEPTED, 22], [ST.WAITING_PICKUP, 15], [ST.SHIPPED, 10], [ST.PENDING, 6], [ST.BUYER_INSTANT_CANCEL, 4], [ST.REJECTED, 3]]);
	if (ageDays < 3)
		return p.weighted<number>([[ST.PAID, 4], [ST.ACCEPTED, 14], [ST.WAITING_PICKUP, 20], [ST.SHIPPED, 45], [ST.DELIVERED, 10], [ST.REJECTED, 4], [ST.SELLER_CANCEL, 3]]);
	if (ageDays < 7)
		return p.weighted<number>([[ST.SHIPPED, 25], [ST.DELIVERED, 45], [ST.FINISHED, 24], [ST.REJECTED, 3], [ST.SELLER_CANCEL, 2], [ST.BUYER_INSTANT_CANCEL, 1]]);
	return p.weighted<number>([[ST.FINISHED, 86], [ST.DELIVERED, 4], [ST.REJECTED, 4], [ST.SELLER_CANCEL, 3], [ST.BUYER_INSTANT_CANCEL, 3]]);
}

function seedOrders(s: TokopediaState, p: Prng, shopId: number, count: number, now: number): void {
	const times: number[] = [];
	for (let i = 0; i < count; i++) times.push(now - p.int(60, 30 * 86400));
	times.sort((a, b) => a - b);
	for (const t of times) {
		const status = statusFor(p, (now - t) / 86400);
		const o = makeOrder(s, p, shopId, t);
		if (!o) continue;
		driveSeeded(s, p, o, status, t, now);
		// seeded stock levels are "after" the deduction of every paid, non-cancelled order (so NACK / cancel returns stock)
		o.stock_deducted = o.paid_at !== null && ![ST.REJECTED, ST.SELLER_CANCEL, ST.BUYER_INSTANT_CANCEL].includes(o.status as any);
		s.addOrder(o);
	}
}

/** Build an order (status 100, not registered). Items: explicit, or 1–3 random sellable products. */
export function makeOrder(s: TokopediaState, p: Prng, shopId: number, createTime: number, items?: Array<{ product: Product; quantity: number }>): Order | null {
	const sellable = (s.productsByShop.get(shopId) ?? []).filter((x) => x.status === 1 && x.children.length === 0);
	if (!items) {
		if (!sellable.length) return null;
		const k = p.weighted<number>([[1, 65], [2, 25], [3, 10]]);
		const picked = new Set<Product>();
		for (let i = 0; i < k; i++) picked.add(p.pick(sellable));
		items = [...picked].map((product) => ({ product, quantity: p.weighted<number>([[1, 70], [2, 20], [3, 10]]) }));
	}
	const c = p.pick(CITIES);
	const [district, districtId] = p.pick(c.districts as ReadonlyArray<readonly [string, number]>);
	const first = p.pick(FIRST);
	const last = p.pick(LAST);
	const shipper = p.pick(SHIPPERS.filter((x) => x.shipper_id !== 999 || p.chance(0.2)));
	const service = p.pick(shipper.services);
	const whs = s.warehousesByShop.get(shopId)!;
	const lines: OrderItem[] = items.map(({ product, quantity }) => ({
		order_detail_id: s.nextDetailId++,
		product_id: product.product_id,
		name: product.name,
		sku: product.sku,
		quantity,
		price: product.price,
		weight: product.weight / 1000,
		notes: p.pick(NOTES),
	}));
	const orderId = s.nextOrderId;
	s.nextOrderId += p.int(3, 400);
	const d = new Date((createTime + 7 * 3600) * 1000);
	const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
	const roman = (n: number): string => {
		const t: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
		let out = '';
		for (const [v, r] of t) while (n >= v) ((out += r), (n -= v));
		return out;
	};
	return {
		order_id: orderId,
		shop_id: shopId,
		warehouse_id: whs.length > 1 && p.chance(0.3) ? whs[1].warehouse_id : whs[0].warehouse_id,
		invoice: `INV/${ymd}/MPL/${roman(d.getUTCFullYear() % 100)}/${roman(d.getUTCMonth() + 1)}/${orderId}`,
		status: ST.PENDING,
		paid_at: null,
		create_time: createTime,
		update_time: createTime,
		payment_id: 11680000 + (orderId % 1000000),
		buyer: { id: 8970000 + p.int(0, 99999), name: `${first} ${last}`, phone: `628${p.digits(10)}`, email: `${first.toLowerCase()}.${last.toLowerCase()}${p.int(1, 99)}@example.com` },
		recipient: {
			name: `${first} ${last}`,
			phone: `628${p.digits(10)}`,
			address: {
				address_full: `${p.pick(STREETS)} No. ${p.int(1, 250)}, ${district}, ${c.city}, ${c.province}`,
				district,
				city: c.city,
				province: c.province,
				country: 'Indonesia',
				postal_code: c.postal + p.digits(3),
				district_id: districtId,
				city_id: c.city_id,
				province_id: c.province_id,
				geo: c.geo,
			},
		},
		logistics: { shipping_id: shipper.shipper_id, sp_id: service.service_id, shipping_agency: shipper.shipper_name, service_type: service.service_name },
		items: lines,
		shipping_cost: p.int(8, 60) * 1000,
		insurance_cost: p.chance(0.2) ? p.int(1, 5) * 500 : 0,
		voucher_amount: p.chance(0.15) ? p.int(1, 10) * 1000 : 0,
		awb: '',
		autoresi_awb: '',
		booking_code: '',
		printed: false,
		print_count: 0,
		accept_partial: false,
		products_fulfilled: [],
		buyer_cancel_request: null,
		cancel_request_rejected: false,
		nack: null,
		pof: null,
		pickup_request_time: null,
		stock_deducted: false,
		history: [{ status: ST.PENDING, time: createTime, by: 'buyer', message: 'Pesanan dibuat' }],
	};
}

/** Fast-forward a seeded order to `status`, with plausible timestamps between create time and now. */
export function driveSeeded(s: TokopediaState, p: Prng, o: Order, status: number, t: number, now: number): void {
	const step = (sec: number) => (t = Math.min(now, t + sec));
	const push = (st: number, by: string, msg?: string) => {
		o.status = st;
		o.update_time = t;
		o.history.push({ status: st, time: t, by, message: msg ?? '' });
	};
	if (status === ST.PENDING) return;
	if (status === ST.BUYER_INSTANT_CANCEL && p.chance(0.5)) {
		step(p.int(60, 3600));
		return push(ST.BUYER_INSTANT_CANCEL, 'buyer', 'Dibatalkan pembeli sebelum pembayaran');
	}
	step(p.int(30, 1800));
	o.paid_at = t;
	push(ST.PAID, 'system', 'Pembayaran terverifikasi');
	if (status === ST.PAID) return;
	if (status === ST.BUYER_INSTANT_CANCEL) {
		step(p.int(60, 3600));
		return push(ST.BUYER_INSTANT_CANCEL, 'buyer', 'Instant cancel by buyer');
	}
	if (status === ST.REJECTED) {
		step(p.int(600, 20000));
		o.nack = { reason_code: 1, reason: 'Stok habis', shop_close_end_date: '', shop_close_note: '', empty_products: o.items.map((i) => i.product_id) };
		o.products_fulfilled = o.items.map((i) => ({ product_id: i.product_id, quantity_deliver: 0, quantity_reject: i.quantity }));
		return push(ST.REJECTED, 'seller', 'Stok habis');
	}
	step(p.int(600, 20000));
	o.booking_code = s.bookingCodeFor();
	o.products_fulfilled = o.items.map((i) => ({ product_id: i.product_id, quantity_deliver: i.quantity, quantity_reject: 0 }));
	push(ST.ACCEPTED, 'seller');
	if (status === ST.ACCEPTED) {
		if (p.chance(0.05)) o.buyer_cancel_request = { reason: 'Ingin mengubah alamat pengiriman', time: t };
		return;
	}
	if (status === ST.SELLER_CANCEL) {
		step(p.int(600, 20000));
		return push(ST.SELLER_CANCEL, 'seller', 'Dibatalkan penjual');
	}
	step(p.int(600, 20000));
	o.pickup_request_time = null;
	o.autoresi_awb = s.awbFor(o);
	push(ST.WAITING_PICKUP, 'seller');
	o.pickup_request_time = fmtLocal(t);
	if (status === ST.WAITING_PICKUP) {
		if (p.chance(0.05)) o.buyer_cancel_request = { reason: 'Berubah pikiran', time: t };
		return;
	}
	step(p.int(3600, 30000));
	o.awb = o.autoresi_awb;
	o.printed = true;
	o.print_count = 1;
	push(ST.SHIPPED, 'seller', `AWB ${o.awb}`);
	if (status === ST.SHIPPED) return;
	step(p.int(86400, 3 * 86400));
	push(ST.DELIVERED, 'logistic');
	if (status === ST.DELIVERED) return;
	step(3 * 86400);
	push(ST.FINISHED, 'system');
}

function fmtLocal(unix: number): string {
	const d = new Date((unix + 7 * 3600) * 1000);
	return d.toISOString().slice(0, 19).replace('T', ' ');
}
