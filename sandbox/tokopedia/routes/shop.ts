import type { Router } from '../../common/http';
import { bad } from '../envelope';
import { SHIPPERS } from '../state';
import { shopInfo } from '../views';
import { type Handler, qInt, shopParam, std } from './common';

export function registerShopRoutes(r: Router<Handler>): void {
	// S1 shop info: all linked shops without shop_id
	r.add('GET', '/v1/shop/fs/{fs_id}/shop-info', (c) => {
		const shop = shopParam(c, 'SHP_DLV_001', 'SHP_DLV_002', true);
		let list = shop ? [shop] : c.state.linkedShops();
		const page = qInt(c.query, 'page', () => bad('SHP_DLV_003', 'Invalid page'));
		const perPage = qInt(c.query, 'per_page', () => bad('SHP_DLV_004', 'Invalid per_page'));
		if (page !== null && perPage !== null && page >= 1 && perPage >= 1) list = list.slice((page - 1) * perPage, page * perPage);
		return std(
			list.map((s) => shopInfo(c.state, s)),
			{ messages: 'Successfully get retrieved shop info data', withCodes: true },
		);
	});

	// S3 showcase
	r.add('GET', '/v1/showcase/fs/{fs_id}/get', (c) => {
		const shop = shopParam(c, 'SHP_DLV_009', 'SHP_DLV_009')!;
		const page = qInt(c.query, 'page', () => bad('SHP_DLV_010', 'Invalid page')) ?? 1;
		const count = qInt(c.query, 'page_count', () => bad('SHP_DLV_010', 'Invalid page_count')) ?? 10;
		if (page < 1 || count < 1 || count > 50) throw bad('SHP_DLV_010', 'page must be >= 1 and page_count between 1 and 50');
		const hideZero = c.query.get('hide_zero') === 'true' || c.query.get('hide_zero') === '1';
		const products = c.state.productsByShop.get(shop.shop_id)!;
		const all = shop.etalase
			.map((e) => ({
				id: e.id,
				name: e.name,
				alias: e.alias,
				uri: `https://www.tokopedia.com/${shop.domain}/etalase/${e.alias}`,
				product_count: products.filter((p) => p.etalase_id === e.id && p.status === 1 && p.parent_id === null).length,
				is_highlighted: false,
				badge: '',
				ace_default_sort: 0,
			}))
			.filter((x) => !hideZero || x.product_count > 0);
		const slice = all.slice((page - 1) * count, page * count);
		const link = (p: number) => `/v1/showcase/fs/${c.fsId}/get?shop_id=${shop.shop_id}&page=${p}&page_count=${count}`;
		return std({
			showcase: slice,
			showcase_group: [],
			use_ace: true,
			showcase_without_ace: [],
			prev_link: page > 1 ? link(page - 1) : '',
			next_link: page * count < all.length ? link(page + 1) : '',
		});
	});

	// L1 all couriers and services (enabled flag per shop)
	r.add('GET', '/v2/logistic/fs/{fs_id}/info', (c) => {
		const shop = shopParam(c, 'LGS_DLV_001', 'LGS_DLV_002')!;
		return std(
			SHIPPERS.map((s) => ({
				shipper_id: s.shipper_id,
				shipper_name: s.shipper_name,
				logo: `https://images.tokopedia.net/img/kurir-${s.code}.png`,
				services: s.services.map((v) => ({ service_id: v.service_id, service_name: v.service_name, service_desc: v.service_desc, is_active: (shop.couriers[s.shipper_id] ?? []).includes(v.service_id) })),
			})),
			{ withCodes: true },
		);
	});

	// L3 active couriers (capitalised keys)
	r.add('GET', '/v1/logistic/fs/{fs_id}/active-info', (c) => {
		const shop = c.query.get('shop_id') ? shopParam(c, 'LGS_DLV_001', 'LGS_DLV_002')! : null;
		const shops = shop ? [shop] : c.state.linkedShops();
		return std({
			Shops: shops.map((s) => ({
				ShopID: s.shop_id,
				ShipmentInfos: SHIPPERS.filter((sh) => s.couriers[sh.shipper_id]?.length).map((sh) => ({
					ShipmentID: sh.shipper_id,
					ShipmentName: sh.shipper_name,
					ShipmentCode: sh.code,
					ShipmentAvailable: 1,
					ShipmentImage: `https://images.tokopedia.net/img/kurir-${sh.code}.png`,
					ShipmentPackages: sh.services.map((v) => ({ IsAvailable: s.couriers[sh.shipper_id].includes(v.service_id) ? 1 : 0, ProductName: v.service_name, ShippingProductID: v.service_id })),
					AWBStatus: sh.shipper_id === 999 ? 1 : 2,
				})),
			})),
		});
	});
}
