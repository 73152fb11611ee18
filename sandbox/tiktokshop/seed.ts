import { Prng } from '../common/prng';
import type { TikTokShopState } from './state';
import type { DeliveryOptionRec, DeliveryOptionType, Order, OrderStatus, Product, ShippingProvider, Sku, SkuRef, Warehouse } from './types';

const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Andi', 'Ayu', 'Fajar', 'Indah', 'Hendra', 'Rina', 'Yoga', 'Sari', 'Dimas', 'Nur', 'Bayu', 'Lestari', 'Eko', 'Wulan'];
const LAST = ['Santoso', 'Wijaya', 'Saputra', 'Pratama', 'Hidayat', 'Lestari', 'Kurniawan', 'Setiawan', 'Nugroho', 'Siregar', 'Harahap', 'Sihombing', 'Rahmawati', 'Susanto', 'Halim'];
const CITIES: Array<{ province: string; city: string; districts: string[]; postal: string }> = [
	{ province: 'DKI Jakarta', city: 'Jakarta Selatan', districts: ['Kebayoran Baru', 'Tebet', 'Cilandak', 'Pancoran'], postal: '12' },
	{ province: 'DKI Jakarta', city: 'Jakarta Barat', districts: ['Grogol Petamburan', 'Kebon Jeruk', 'Cengkareng'], postal: '11' },
	{ province: 'Jawa Barat', city: 'Bandung', districts: ['Coblong', 'Sukajadi', 'Lengkong'], postal: '40' },
	{ province: 'Jawa Barat', city: 'Bekasi', districts: ['Bekasi Barat', 'Bekasi Timur'], postal: '17' },
	{ province: 'Jawa Timur', city: 'Surabaya', districts: ['Gubeng', 'Wonokromo', 'Tegalsari'], postal: '60' },
	{ province: 'Jawa Tengah', city: 'Semarang', districts: ['Banyumanik', 'Tembalang'], postal: '50' },
	{ province: 'DI Yogyakarta', city: 'Yogyakarta', districts: ['Gondokusuman', 'Umbulharjo'], postal: '55' },
	{ province: 'Sumatera Utara', city: 'Medan', districts: ['Medan Baru', 'Medan Petisah'], postal: '20' },
	{ province: 'Bali', city: 'Denpasar', districts: ['Denpasar Selatan', 'Denpasar Barat'], postal: '80' },
	{ province: 'Sulawesi Selatan', city: 'Makassar', districts: ['Panakkukang', 'Tamalate'], postal: '90' },
];
const STREETS = ['Jl. Sudirman', 'Jl. Gatot Subroto', 'Jl. Merdeka', 'Jl. Diponegoro', 'Jl. Ahmad Yani', 'Jl. Pahlawan', 'Jl. Melati', 'Jl. Kenanga', 'Jl. Cempaka', 'Jl. Mawar'];
const NOUNS = ['Kaos Polos', 'Kemeja Batik', 'Celana Chino', 'Hijab Voal', 'Tas Selempang', 'Sepatu Sneakers', 'Jaket Hoodie', 'Gamis Syari', 'Sandal Jepit', 'Dompet Kulit', 'Topi Baseball', 'Kaos Kaki', 'Rok Plisket', 'Blouse Wanita', 'Sarung Tenun', 'Masker Kain', 'Botol Minum', 'Casing HP', 'Earphone Bluetooth', 'Kopi Bubuk Arabika', 'Sambal Bawang', 'Keripik Pisang', 'Skincare Serum', 'Lipstik Matte', 'Parfum Unisex'];
const ADJ = ['Premium', 'Original', 'Murah', 'Import', 'Lokal', 'Terlaris', 'Kekinian', 'Polos', 'Motif', 'Eksklusif', 'Cotton Combed 30s', 'Anti Air', 'Slim Fit', 'Oversize'];
const COLORS = ['Hitam', 'Putih', 'Navy', 'Merah', 'Abu-abu', 'Hijau Army', 'Krem', 'Maroon'];
const SIZES = ['S', 'M', 'L', 'XL', 'XXL'];
const CANCEL_REASONS_BUYER = ['Ingin mengubah alamat pengiriman', 'Berubah pikiran', 'Menemukan harga lebih murah', 'Ingin mengubah pesanan'];
const CANCEL_REASONS_SYSTEM = ['Pembayaran tidak diselesaikan tepat waktu', 'Pesanan tidak dikirim sebelum batas waktu'];
const CANCEL_REASONS_SELLER = ['Stok habis', 'Alamat tidak terjangkau kurir'];

/** Carriers with fixed, well-known-looking ids (global, shared by both shops). */
const PROVIDERS: Record<string, ShippingProvider> = {
	jnt: { id: '6925000000000000001', name: 'J&T Express' },
	sicepat: { id: '6925000000000000002', name: 'SiCepat' },
	jne: { id: '6925000000000000003', name: 'JNE' },
	anteraja: { id: '6925000000000000004', name: 'AnterAja' },
	ninja: { id: '6925000000000000005', name: 'Ninja Xpress' },
	idexpress: { id: '6925000000000000006', name: 'ID Express' },
	gosend: { id: '6925000000000000007', name: 'GoSend' },
	grab: { id: '6925000000000000008', name: 'GrabExpress' },
	jntcargo: { id: '6925000000000000009', name: 'J&T Cargo' },
	pos: { id: '6925000000000000010', name: 'POS Indonesia' },
};
const OPTION_DEFS: Array<{ type: DeliveryOptionType; name: string; description: string; providers: string[] }> = [
	{ type: 'STANDARD', name: 'Reguler', description: 'Estimasi tiba 2-4 hari', providers: ['jnt', 'sicepat', 'jne', 'anteraja', 'ninja', 'idexpress'] },
	{ type: 'EXPRESS', name: 'Instan', description: 'Tiba di hari yang sama', providers: ['gosend', 'grab'] },
	{ type: 'ECONOMY', name: 'Hemat', description: 'Estimasi tiba 4-7 hari', providers: ['jntcargo', 'sicepat', 'jne'] },
	{ type: 'SEND_BY_SELLER', name: 'Dikirim oleh Penjual', description: 'Penjual mengirim dengan kurir pilihan sendiri', providers: ['jne', 'jnt', 'sicepat', 'pos', 'anteraja'] },
];

function buyer(p: Prng, ids: TikTokShopState['ids']): Record<string, any> {
	const first = p.pick(FIRST);
	const last = p.pick(LAST);
	const c = p.pick(CITIES);
	const district = p.pick(c.districts);
	const street = `${p.pick(STREETS)} No. ${p.int(1, 250)}, RT ${String(p.int(1, 15)).padStart(3, '0')}/RW ${String(p.int(1, 12)).padStart(3, '0')}`;
	const postal = c.postal + p.digits(3);
	const phoneTail = p.digits(2);
	const user_id = ids.next('7494', 19);
	return {
		user_id,
		email: `v2_${p.chars(22, 'abcdefghijklmnopqrstuvwxyz0123456789')}@scs.tiktokw.us`,
		address: {
			name: `${first} ${last}`,
			first_name: first,
			last_name: last,
			phone_number: `(+62)8${p.digits(2)}******${phoneTail}`,
			full_address: `${street}, ${district}, ${c.city}, ${c.province}, ${postal}, Indonesia`,
			address_line1: street,
			address_line2: district,
			address_line3: '',
			address_line4: '',
			address_detail: p.chance(0.3) ? p.pick(['Rumah pagar hitam', 'Dekat masjid', 'Titip di pos satpam', 'Lantai 2']) : '',
			postal_code: postal,
			region_code: 'ID',
			district_info: [
				{ address_level: 'L0', address_level_name: 'Country', address_name: 'Indonesia' },
				{ address_level: 'L1', address_level_name: 'Province', address_name: c.province },
				{ address_level: 'L2', address_level_name: 'City', address_name: c.city },
				{ address_level: 'L3', address_level_name: 'District', address_name: district },
			],
			delivery_preferences: { drop_off_location: '' },
		},
	};
}

function warehouse(p: Prng, state: TikTokShopState, name: string, type: Warehouse['type'], isDefault: boolean, cityIdx: number): Warehouse {
	const c = CITIES[cityIdx];
	const district = c.districts[0];
	const street = `${p.pick(STREETS)} No. ${p.int(1, 99)}`;
	const postal = c.postal + p.digits(3);
	return {
		id: state.ids.next('706', 19),
		name,
		is_default: isDefault,
		effect_status: 'ENABLED',
		type,
		sub_type: 'DOMESTIC_WAREHOUSE',
		entity_id: state.ids.next('706', 19),
		address: {
			region: 'Indonesia',
			region_code: 'ID',
			state: c.province,
			city: c.city,
			distict: district,
			town: district,
			full_address: `${street}, ${district}, ${c.city}, ${c.province}, ${postal}`,
			postal_code: postal,
			contact_person: `${p.pick(FIRST)} ${p.pick(LAST)}`,
			phone_number: `(+62)8${p.digits(10)}`,
			geolocation: { latitude: (-6 - p.next()).toFixed(6), longitude: (106 + p.next()).toFixed(6) },
		},
	};
}

/** Fills the state deterministically from `state.seed`. Times are relative to the current business clock. */
export function seedTikTokShop(state: TikTokShopState): void {
	const p = state.prng;
	const now = state.clock.now();
	const shopDefs = [
		{ name: 'Sandbox Fashion Official', platform: 'TIKTOK_SHOP' as const, prefix: 'SFO', wh: [0, 4], ret: 1 },
		{ name: 'Toko Berkah Jaya (eks Tokopedia)', platform: 'TOKOPEDIA' as const, prefix: 'TBJ', wh: [2, 7], ret: 2 },
	];
	const productCount = Math.max(2, state.settings.productCount);
	const skuTotal = Math.max(productCount, state.settings.skuCount ?? productCount * 4);
	const orderCount = Math.max(0, state.settings.orderCount);
	const shopIds: string[] = [];
	for (const [si, d] of shopDefs.entries()) {
		const shop = {
			id: state.ids.next('7495', 19),
			cipher: 'ROW_' + p.chars(28),
			code: 'IDLC' + p.chars(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
			name: d.name,
			region: 'ID',
			seller_type: 'LOCAL' as const,
			commercePlatform: d.platform,
		};
		state.addShop(shop);
		shopIds.push(shop.id);
		const whs = [
			warehouse(p, state, `Gudang ${CITIES[d.wh[0]].city}`, 'SALES_WAREHOUSE', true, d.wh[0]),
			warehouse(p, state, `Gudang ${CITIES[d.wh[1]].city}`, 'SALES_WAREHOUSE', false, d.wh[1]),
			warehouse(p, state, `Gudang Retur ${CITIES[d.ret].city}`, 'RETURN_WAREHOUSE', true, d.ret),
		];
		for (const w of whs) state.addWarehouse(shop.id, w);
		for (const w of whs.slice(0, 2)) {
			for (const def of OPTION_DEFS) {
				const rec: DeliveryOptionRec = {
					shopId: shop.id,
					warehouseId: w.id,
					providers: def.providers.map((k) => PROVIDERS[k]),
					option: {
						id: state.ids.next('70', 19),
						name: def.name,
						type: def.type,
						description: def.description,
						platform: d.platform === 'TOKOPEDIA' ? ['TIKTOK_SHOP', 'TOKOPEDIA'] : ['TIKTOK_SHOP'],
						weight_limit: { max_weight: def.type === 'EXPRESS' ? 20000 : 50000, min_weight: 1, unit: 'GRAM' },
						dimension_limit: { max_height: 100, max_length: 100, max_width: 100, unit: 'CM' },
					},
				};
				state.addDeliveryOption(rec);
			}
		}
		// products
		const nProducts = si === 0 ? Math.ceil(productCount / 2) : Math.floor(productCount / 2);
		let skuQuota = si === 0 ? Math.ceil(skuTotal / 2) : Math.floor(skuTotal / 2);
		for (let i = 0; i < nProducts; i++) {
			const noun = p.pick(NOUNS);
			const title = `${noun} ${p.pick(ADJ)} ${p.pick(['', 'Pria', 'Wanita', 'Anak', 'Unisex'])}`.replace(/\s+/g, ' ').trim() + ` #${i + 1}`;
			const created = now - p.int(60, 400) * 86400 + p.int(0, 86399);
			const basePrice = p.int(10, 1500) * 500;
			// SKUs per product: random around the remaining average, so the shop's total is exactly its quota (max 40 = 8 colours × 5 sizes)
			const left = nProducts - i;
			const avg = skuQuota / left;
			const nSkus = left === 1 ? Math.max(1, Math.min(40, skuQuota)) : Math.max(1, Math.min(40, skuQuota - (left - 1), Math.round(avg * (0.25 + 1.5 * p.next()))));
			skuQuota -= nSkus;
			const colors = p.shuffle([...COLORS]);
			const productId = state.ids.next('172', 19);
			const skus: Sku[] = [];
			const sizeIdx = (k: number) => (nSkus > colors.length ? Math.floor(k / colors.length) : k) % SIZES.length;
			for (let k = 0; k < nSkus; k++) {
				const inBoth = p.chance(0.6);
				const first = p.chance(0.7) ? whs[0] : whs[1];
				const inventory = inBoth
					? [
							{ warehouse_id: whs[0].id, quantity: p.int(0, 10) === 0 ? 0 : p.int(20, 500) },
							{ warehouse_id: whs[1].id, quantity: p.int(20, 300) },
						]
					: [{ warehouse_id: first.id, quantity: p.int(0, 12) === 0 ? 0 : p.int(20, 500) }];
				const price = basePrice + (nSkus > 1 ? k * 2500 : 0);
				skus.push({
					id: state.ids.next('173', 19),
					seller_sku: `${d.prefix}-${String(i + 1).padStart(4, '0')}-${k + 1}`,
					price: { currency: 'IDR', sale_price: String(price), tax_exclusive_price: String(price) },
					inventory,
					sales_attributes:
						nSkus > 1
							? [
									{ id: '100000', name: 'Warna', value_id: String(7000000000000000000n + BigInt(COLORS.indexOf(colors[k % colors.length]))), value_name: colors[k % colors.length] },
									...(noun.startsWith('Kaos') || noun.startsWith('Kemeja') || noun.startsWith('Celana') || noun.startsWith('Jaket') || nSkus > colors.length
										? [{ id: '100007', name: 'Ukuran', value_id: String(7100000000000000000n + BigInt(sizeIdx(k))), value_name: SIZES[sizeIdx(k)] }]
										: []),
								]
							: [],
				});
			}
			const product: Product = {
				id: productId,
				title,
				status: p.chance(0.93) ? 'ACTIVATE' : p.pick(['SELLER_DEACTIVATED', 'DRAFT', 'PENDING']),
				create_time: created,
				update_time: created + p.int(0, 30) * 86400,
				sales_regions: ['ID'],
				skus,
				listing_quality_tier: p.pick(['POOR', 'FAIR', 'GOOD']),
				main_image: `https://p16-oec-sg.ibyteimg.com/tos-alisg-i-aphluv4xwc-sg/sbx${productId}~tplv-aphluv4xwc-origin-jpeg.jpeg`,
			};
			if (d.platform === 'TOKOPEDIA') product.integrated_platform_statuses = [{ platform: 'TOKOPEDIA', status: product.status === 'ACTIVATE' ? 'LIVE' : 'NOT_LIVE' }];
			state.addProduct(shop.id, product);
		}
		const buyers = [];
		for (let b = 0; b < 250; b++) buyers.push(buyer(p, state.ids));
		state.buyers.set(shop.id, buyers);
	}

	// orders
	const created: Array<{ order: Order; target: OrderStatus }> = [];
	const times: number[] = [];
	for (let i = 0; i < orderCount; i++) times.push(now - Math.floor(60 * 86400 * Math.pow(p.next(), 1.5)) - 60);
	times.sort((a, b) => a - b);
	for (const at of times) {
		const shopId = p.chance(0.55) ? shopIds[0] : shopIds[1];
		const age = (now - at) / 86400;
		const target: OrderStatus =
			age < 1
				? p.weighted<OrderStatus>([['UNPAID', 14], ['ON_HOLD', 8], ['AWAITING_SHIPMENT', 38], ['AWAITING_COLLECTION', 15], ['IN_TRANSIT', 12], ['CANCELLED', 8]])
				: age < 3
					? p.weighted<OrderStatus>([['UNPAID', 2], ['AWAITING_SHIPMENT', 18], ['AWAITING_COLLECTION', 12], ['IN_TRANSIT', 35], ['DELIVERED', 22], ['CANCELLED', 11]])
					: age < 10
						? p.weighted<OrderStatus>([['AWAITING_SHIPMENT', 3], ['IN_TRANSIT', 10], ['DELIVERED', 40], ['COMPLETED', 35], ['CANCELLED', 12]])
						: p.weighted<OrderStatus>([['DELIVERED', 2], ['COMPLETED', 86], ['CANCELLED', 12]]);
		const order = randomOrder(state, p, shopId, at, target === 'AWAITING_SHIPMENT' && p.chance(0.1) ? 'SEND_BY_SELLER' : undefined);
		if (!order) continue;
		created.push({ order, target });
	}
	for (const { order, target } of created) driveSeedOrder(state, p, order, target, now);
}

/** Pick a warehouse/delivery option/skus and create an UNPAID order. */
export function randomOrder(
	state: TikTokShopState,
	p: Prng,
	shopId: string,
	at: number,
	forceOption?: DeliveryOptionType,
	items?: Array<{ ref: SkuRef; quantity: number }>,
): Order | undefined {
	const whs = state.warehouses.get(shopId)!.filter((w) => w.type === 'SALES_WAREHOUSE');
	let wh = p.chance(0.65) ? whs[0] : whs[1];
	const given = items;
	if (given && given.length) {
		const common = whs.find((w) => given.every((it) => it.ref.sku.inventory.some((i) => i.warehouse_id === w.id)));
		wh = common ?? whs.find((w) => given[0].ref.sku.inventory.some((i) => i.warehouse_id === w.id)) ?? wh;
	}
	const type: DeliveryOptionType =
		forceOption ??
		p.weighted<DeliveryOptionType>([
			['STANDARD', 62],
			['EXPRESS', 12],
			['ECONOMY', 16],
			['SEND_BY_SELLER', 10],
		]);
	const opt = state.deliveryOptionsByWarehouse.get(wh.id)!.find((o) => o.option.type === type)!;
	if (!items || !items.length) {
		const pool = (state.skusByWarehouse.get(wh.id) ?? []).filter((r) => r.product.status === 'ACTIVATE' && (r.sku.inventory.find((i) => i.warehouse_id === wh.id)?.quantity ?? 0) > 3);
		if (!pool.length) return undefined;
		const n = p.weighted([
			[1, 60],
			[2, 28],
			[3, 12],
		] as const);
		const chosen = new Map<string, SkuRef>();
		for (let k = 0; k < n * 3 && chosen.size < n; k++) {
			const r = p.pick(pool);
			chosen.set(r.sku.id, r);
		}
		items = [...chosen.values()].map((ref) => ({
			ref,
			quantity: p.weighted([
				[1, 70],
				[2, 20],
				[3, 10],
			] as const),
		}));
	}
	const buyers = state.buyers.get(shopId)!;
	return state.createOrder({
		shopId,
		at,
		items,
		deliveryOption: opt,
		buyer: p.pick(buyers),
		isCod: p.chance(0.15),
		buyerMessage: p.chance(0.1) ? p.pick(['Tolong dibungkus rapi ya kak', 'Kirim cepat ya', 'Warna jangan sampai salah']) : '',
	});
}

/** Move a seeded order to `target` with plausible timestamps between its create_time and now. */
function driveSeedOrder(state: TikTokShopState, p: Prng, order: Order, target: OrderStatus, now: number): void {
	const path: OrderStatus[] = ['UNPAID', 'AWAITING_SHIPMENT', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'];
	const start = order.create_time;
	const span = Math.max(60, now - start - 30);
	if (target === 'CANCELLED') {
		const afterPay = p.chance(0.5);
		const tPay = start + Math.floor(span * 0.05 * p.next()) + 30;
		if (afterPay) state.pay(order, tPay);
		const tCancel = Math.min(now - 5, (afterPay ? tPay : start) + Math.floor(span * (0.1 + 0.3 * p.next())));
		const initiator = afterPay ? p.weighted<'BUYER' | 'SELLER' | 'SYSTEM'>([['BUYER', 60], ['SELLER', 25], ['SYSTEM', 15]]) : p.chance(0.6) ? 'SYSTEM' : 'BUYER';
		const reason = initiator === 'BUYER' ? p.pick(CANCEL_REASONS_BUYER) : initiator === 'SELLER' ? p.pick(CANCEL_REASONS_SELLER) : p.pick(CANCEL_REASONS_SYSTEM);
		state.cancel(order, { initiator, reason }, Math.max(tCancel, order.update_time));
		return;
	}
	if (target === 'UNPAID') return;
	if (target === 'ON_HOLD') {
		state.pay(order, start + Math.min(span - 1, p.int(30, 1800)), true);
		return;
	}
	const steps = path.indexOf(target);
	const fr = Array.from({ length: steps }, () => p.next()).sort((a, b) => a - b);
	// payment happens quickly after creation; later steps spread over the remaining span
	const tPay = start + Math.min(Math.floor(span * 0.1), p.int(30, 3600));
	state.pay(order, tPay);
	for (let s = 2; s <= steps && path.indexOf(order.status) < steps; s++) {
		const t = Math.max(order.update_time + 1, tPay + Math.floor((now - 10 - tPay) * fr[s - 1]));
		state.advance(order, Math.min(t, now - 1));
	}
	if (target === 'AWAITING_SHIPMENT' && p.chance(0.15)) {
		order.is_buyer_request_cancel = true;
		for (const li of order.line_items) li.is_buyer_request_cancel = true;
	}
}
