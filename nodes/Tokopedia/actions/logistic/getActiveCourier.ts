import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, pick, tokopediaApiRequest } from '../../transport';
import type { ShopResolver } from '../types';

const properties: INodeProperties[] = [];

export const description = withDisplay({ resource: ['logistic'], operation: ['getActiveCourier'] }, properties);

/**
 * Active couriers of a shop, one item per courier service. The API answers with capitalised keys
 * (Shops, ShipmentInfos, ShipmentPackages; reference §3.5 L3); they are read case-insensitively
 * and handed on in snake case.
 */
export async function activeCouriers(this: IExecuteFunctions | ILoadOptionsFunctions, shopId: string, itemIndex?: number): Promise<IDataObject[]> {
	const app = await fsId.call(this);
	const data = await tokopediaApiRequest.call(this, 'GET', `/v1/logistic/fs/${app}/active-info`, { query: { shop_id: shopId }, itemIndex });
	const out: IDataObject[] = [];
	for (const shop of (pick(data, 'shops') as unknown[]) ?? []) {
		for (const courier of (pick(shop, 'shipmentinfos') as unknown[]) ?? []) {
			for (const service of (pick(courier, 'shipmentpackages') as unknown[]) ?? []) {
				out.push({
					shop_id: pick(shop, 'shopid') as number,
					shipment_id: pick(courier, 'shipmentid') as number,
					shipment_name: pick(courier, 'shipmentname') as string,
					shipment_code: pick(courier, 'shipmentcode') as string,
					service_name: pick(service, 'productname') as string,
					shipping_product_id: pick(service, 'shippingproductid') as number,
					is_available: pick(service, 'isavailable') as boolean,
				});
			}
		}
	}
	return out;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => await activeCouriers.call(this, await shop(i), i));
}
