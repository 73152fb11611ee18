import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../common/router';
import { resolveShopCipher } from '../transport/shop';
import * as cancellation from './cancellation';
import * as finance from './finance';
import * as inventory from './inventory';
import * as logistics from './logistics';
import * as order from './order';
import * as packageResource from './package';
import * as price from './price';
import * as product from './product';
import * as promotion from './promotion';
import * as returnResource from './return';
import * as seller from './seller';
import * as shop from './shop';
import * as webhook from './webhook';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
			cancellation,
			finance,
			inventory,
			logistics,
			order,
			package: packageResource,
			price,
			product,
			promotion,
			return: returnResource,
			seller,
			shop,
			webhook,
		}, resolveShopCipher);
}
