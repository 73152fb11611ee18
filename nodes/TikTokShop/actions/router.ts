import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../common/router';
import { resolveShopCipher } from '../transport/shop';
import * as logistics from './logistics';
import * as order from './order';
import * as packageResource from './package';
import * as shop from './shop';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, { logistics, order, package: packageResource, shop }, resolveShopCipher);
}
