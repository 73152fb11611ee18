import type { Router } from '../../common/http';
import { ERR } from '../constants';
import { bizError, invalidParam, ok } from '../envelope';
import { type Handler, requireShop } from './common';

export function registerLogisticsRoutes(r: Router<Handler>): void {
	r.add('GET', '/logistics/202309/warehouses', (c) => {
		const shop = requireShop(c);
		return ok({ warehouses: c.state.warehouses.get(shop.id) ?? [] });
	});

	r.add('GET', '/logistics/202309/warehouses/{warehouse_id}/delivery_options', (c) => {
		const shop = requireShop(c);
		const scope = c.query.get('scope');
		if (scope && scope !== 'WAREHOUSE' && scope !== 'PRODUCT') throw invalidParam('scope must be WAREHOUSE or PRODUCT');
		const wh = c.state.warehouseById.get(c.params.warehouse_id);
		if (!wh || wh.shopId !== shop.id) throw bizError(ERR.WAREHOUSE_NOT_FOUND, `The warehouse ${c.params.warehouse_id} does not exist.`);
		const opts = c.state.deliveryOptionsByWarehouse.get(wh.warehouse.id) ?? [];
		return ok({ delivery_options: opts.map((o) => o.option) });
	});

	r.add('GET', '/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers', (c) => {
		const shop = requireShop(c);
		const rec = c.state.deliveryOptions.get(c.params.delivery_option_id);
		if (!rec || rec.shopId !== shop.id)
			throw bizError(ERR.DELIVERY_OPTION_NOT_FOUND, `The delivery option ${c.params.delivery_option_id} does not exist.`);
		return ok({ shipping_providers: rec.providers.map((p) => ({ id: p.id, name: p.name })) });
	});
}
