import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { getWebhookRegistration, withoutSecret } from '../../transport/webhooks';

const properties: INodeProperties[] = [];

export const description = withDisplay({ resource: ['webhook'], operation: ['getRegisteredWebhook'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items.slice(0, 1), async () => withoutSecret(await getWebhookRegistration.call(this)));
}
