import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { normalizeTikTokShopOrder, orderOutputField } from '../common/normalizedOrder';
import type { PollState } from '../common/pollState';
import { readPollState, selectNew, writePollState } from '../common/pollState';
import { orderStatusOptions } from './actions/order/shared';
import { shopLocator } from './actions/common.descriptions';
import { listSearch } from './methods';
import { searchAll } from './transport/search';
import { resolveShopCipher, shopIdOfCipher } from './transport/shop';

interface Source {
	path: string;
	listKey: string;
	idKey: string;
	pageSize: number;
	statusFilter?: string;
}

// The search APIs each take update_time_ge/lt and sort by update time (reference §5.1, §5.5).
const SOURCES: Record<string, Source> = {
	orders: { path: '/order/202309/orders/search', listKey: 'orders', idKey: 'id', pageSize: 100, statusFilter: 'order_status' },
	cancellations: { path: '/return_refund/202309/cancellations/search', listKey: 'cancellations', idKey: 'cancel_id', pageSize: 50 },
	returns: { path: '/return_refund/202309/returns/search', listKey: 'return_orders', idKey: 'return_id', pageSize: 50 },
};

export class TikTokShopPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TikTok Shop Poll Trigger',
		name: 'tikTokShopPollTrigger',
		icon: { light: 'file:../../icons/tiktokshop.svg', dark: 'file:../../icons/tiktokshop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New or updated " + $parameter["event"]}}',
		description: 'Starts the workflow for new or updated orders, cancellations or returns, by polling (no public URL needed)',
		defaults: { name: 'TikTok Shop Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tikTokShopApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'orders',
				options: [
					{ name: 'New or Updated Cancellations', value: 'cancellations' },
					{ name: 'New or Updated Orders', value: 'orders' },
					{ name: 'New or Updated Returns', value: 'returns' },
				],
			},
			shopLocator,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Only Order Status',
						name: 'orderStatus',
						type: 'options',
						default: 'AWAITING_SHIPMENT',
						options: orderStatusOptions,
						displayOptions: { show: { '/event': ['orders'] } },
					},
					{ ...orderOutputField, displayOptions: { show: { '/event': ['orders'] } } },
					{
						displayName: 'Overlap (Seconds)',
						name: 'overlapSeconds',
						type: 'number',
						default: 300,
						typeOptions: { minValue: 0 },
						description: 'How far before the last poll each poll re-reads, for changes TikTok records late. Items already emitted are skipped.',
					},
					{
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description: 'On the first poll after activation, also emit changes since this time (default: only changes from now on)',
					},
				],
			},
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const source = SOURCES[this.getNodeParameter('event') as string];
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const shopCipher = await resolveShopCipher.call(this, String(this.getNodeParameter('shop', '', { extractValue: true }) ?? ''));
		const filters: IDataObject = {};
		if (source.statusFilter && options.orderStatus) filters[source.statusFilter] = options.orderStatus;
		const search = async (body: IDataObject, limit = Infinity) =>
			await searchAll.call(this, 'POST', source.path, source.listKey, {
				shopCipher,
				query: { sort_field: 'update_time', sort_order: limit === 1 ? 'DESC' : 'ASC' },
				body: { ...filters, ...body },
				maxPageSize: source.pageSize,
				limit,
			});

		const emit = async (items: IDataObject[]) => {
			if (source !== SOURCES.orders || options.orderOutput !== 'normalized') return items;
			const shopId = await shopIdOfCipher.call(this, shopCipher);
			return items.map((order) => normalizeTikTokShopOrder(order, shopId));
		};

		if (this.getMode() === 'manual') {
			const latest = await search({}, 1);
			if (latest.length === 0) {
				throw new NodeOperationError(this.getNode(), 'No item found to show as a test event', { description: 'Create one in the shop, then fetch again.' });
			}
			return [this.helpers.returnJsonArray(await emit(latest))];
		}

		const staticData = this.getWorkflowStaticData('node');
		const state = readPollState(staticData);
		const now = Math.floor(Date.now() / 1000);
		const overlap = Number(options.overlapSeconds ?? 300);
		const key = (item: IDataObject) => `${String(item[source.idKey])}:${String(item.update_time)}`;
		const updatedAt = (item: IDataObject) => Number(item.update_time);
		let baseline: PollState = state;
		if (state.cursor === undefined) {
			// First poll after activation: changes before now (or before Start From) are not news, but
			// the overlap re-read would return them, so they are recorded as seen.
			const start = options.startFrom ? Math.min(now, Math.floor(Date.parse(String(options.startFrom)) / 1000)) : now;
			const before = await search({ update_time_ge: Math.max(0, start - overlap), update_time_lt: start });
			const seen: Record<string, number> = {};
			for (const item of before) seen[key(item)] = updatedAt(item);
			baseline = { cursor: start, seen };
		}
		// Everything is read before the state moves: a poll that fails midway re-reads next time.
		const changed = await search({ update_time_ge: Math.max(0, (baseline.cursor ?? now) - overlap), update_time_lt: now + 1 });
		const { fresh, next } = selectNew(changed, key, updatedAt, baseline, now, now - overlap * 2);
		writePollState(staticData, next);
		return fresh.length ? [this.helpers.returnJsonArray(await emit(fresh))] : null;
	}
}
