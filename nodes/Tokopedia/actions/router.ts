import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../common/router';
import { resolveShopId } from '../transport/shop';
import * as category from './category';
import * as finance from './finance';
import * as inventory from './inventory';
import * as logistic from './logistic';
import * as order from './order';
import * as product from './product';
import * as shop from './shop';
import * as webhook from './webhook';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, { category, finance, inventory, logistic, order, product, shop, webhook }, resolveShopId);
}
