import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { normalizeTokopediaOrder, orderOutputField } from '../common/normalizedOrder';
import { pages, take } from '../common/paginate';
import { readPollState, selectNew, writePollState } from '../common/pollState';
import { splitWindows } from '../common/windows';
import { MAX_WINDOW_SECONDS } from './actions/order/getAllOrders';
import { orderStatusOptions } from './actions/order/shared';
import { fsId, tokopediaApiRequest } from './transport';
import { resolveShopId } from './transport/shop';

const PER_PAGE = 100;

export class TokopediaPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tokopedia Poll Trigger',
		name: 'tokopediaPollTrigger',
		icon: { light: 'file:../../icons/tokopedia.svg', dark: 'file:../../icons/tokopedia.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New or updated orders',
		description: 'Starts the workflow for new orders and order status changes, by polling (no public URL needed)',
		defaults: { name: 'Tokopedia Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tokopediaApi', required: true }],
		properties: [
			{
				displayName: 'Shop ID',
				name: 'shopId',
				type: 'string',
				default: '',
				description: 'Leave empty for the credential\'s default shop, or the only linked shop',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Look Back (Hours)',
						name: 'lookBackHours',
						type: 'number',
						default: 72,
						typeOptions: { minValue: 1 },
						description: 'Orders created this long ago are re-read on every poll to catch their status changes (Tokopedia lists orders by creation time)',
					},
					orderOutputField,
					{
						displayName: 'Only Order Status',
						name: 'status',
						type: 'options',
						default: 220,
						options: orderStatusOptions,
					},
					{
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description: 'On the first poll after activation, also emit orders created since this time (default: only from now on)',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const shopId = await resolveShopId.call(this, this.getNodeParameter('shopId', ''));
		const app = await fsId.call(this);
		const base: IDataObject = { fs_id: app, shop_id: shopId, per_page: PER_PAGE };
		if (options.status !== undefined && options.status !== '') base.status = options.status;
		const list = async (from: number, to: number, limit = Infinity) => {
			const out: IDataObject[] = [];
			for (const window of splitWindows(from, to, MAX_WINDOW_SECONDS)) {
				const windowOrders = await take(
					pages<IDataObject>(async (cursor) => {
						const page = Number(cursor ?? 1);
						const data = await tokopediaApiRequest.call(this, 'GET', '/v2/order/list', {
							query: { ...base, from_date: window.from, to_date: window.to, page },
						});
						const rows = Array.isArray(data) ? (data as IDataObject[]) : [];
						return { items: rows, next: rows.length < PER_PAGE ? undefined : String(page + 1) };
					}),
					limit,
				);
				out.push(...windowOrders);
			}
			return out;
		};
		const now = Math.floor(Date.now() / 1000);
		const emit = (orders: IDataObject[]) => {
			const out = options.orderOutput === 'normalized' ? orders.map((order) => normalizeTokopediaOrder(order)) : orders;
			return out.length ? [this.helpers.returnJsonArray(out)] : null;
		};

		if (this.getMode() === 'manual') {
			const recent = await list(now - MAX_WINDOW_SECONDS + 1, now);
			const latest = recent.sort((a, b) => Number(b.create_time) - Number(a.create_time))[0];
			if (!latest) {
				throw new NodeOperationError(this.getNode(), 'No order in the last 3 days to show as a test event', { description: 'Create one in the shop, then fetch again.' });
			}
			return emit([latest]);
		}

		const staticData = this.getWorkflowStaticData('node');
		const state = readPollState(staticData);
		const lookBack = Number(options.lookBackHours ?? 72) * 3600;
		const key = (order: IDataObject) => `${String(order.order_id)}:${String(order.order_status)}`;
		const createdAt = (order: IDataObject) => Number(order.create_time);
		if (state.cursor === undefined) {
			// First poll after activation: what exists now is the baseline, not news; with Start From,
			// orders created since then are news.
			const start = options.startFrom ? Math.min(now, Math.floor(Date.parse(String(options.startFrom)) / 1000)) : now;
			const existing = await list(Math.max(0, Math.min(start, now - lookBack)), now);
			const baseline = existing.filter((order) => createdAt(order) < start);
			const seen: Record<string, number> = {};
			for (const order of baseline) seen[key(order)] = createdAt(order);
			const { fresh, next } = selectNew(
				existing.filter((order) => createdAt(order) >= start).sort((a, b) => createdAt(a) - createdAt(b)),
				key,
				createdAt,
				{ seen },
				now,
				now - lookBack - 3600,
			);
			writePollState(staticData, next);
			return emit(fresh);
		}
		// After downtime the range spans several 3-day windows; all are read before the state moves.
		const orders = await list(Math.max(0, Math.min(state.cursor, now - lookBack)), now);
		const unique = new Map(orders.map((order) => [String(order.order_id), order]));
		const { fresh, next } = selectNew(
			[...unique.values()].sort((a, b) => createdAt(a) - createdAt(b)),
			key,
			createdAt,
			state,
			now,
			now - lookBack - 3600,
		);
		writePollState(staticData, next);
		return emit(fresh);
	}
}
