import type { IDataObject } from 'n8n-workflow';

import type { AdaptivePacer } from '../../common/pacer';
import { pages, take } from '../../common/paginate';
import type { ApiContext } from '../../common/tokenRenewal';
import { tikTokShopApiRequest } from './index';

export interface SearchRequest {
	shopCipher?: string;
	query?: IDataObject;
	body?: IDataObject;
	/** The API's largest page. */
	maxPageSize: number;
	limit?: number;
	itemIndex?: number;
	/** Called with each page's data (e.g. to look at total_count) before its items are used. */
	onPage?: (data: IDataObject) => void;
	pacer?: AdaptivePacer;
}

/** Follows `next_page_token` over a TikTok Shop search API and collects up to `limit` items of `listKey`. */
export async function searchAll(
	this: ApiContext,
	method: 'GET' | 'POST',
	path: string,
	listKey: string,
	request: SearchRequest,
): Promise<IDataObject[]> {
	const limit = request.limit ?? Infinity;
	const pageSize = Math.min(request.maxPageSize, Number.isFinite(limit) ? Math.max(1, limit) : request.maxPageSize);
	return await take(
		pages<IDataObject>(async (pageToken) => {
			const data = await tikTokShopApiRequest.call(this, method, path, {
				shopCipher: request.shopCipher,
				query: { ...request.query, page_size: pageSize, page_token: pageToken },
				body: request.body,
				itemIndex: request.itemIndex,
				pacer: request.pacer,
			});
			request.onPage?.(data);
			return { items: (data[listKey] as IDataObject[]) ?? [], next: data.next_page_token as string };
		}),
		limit,
	);
}
