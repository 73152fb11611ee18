import type { IDataObject } from 'n8n-workflow';

import type { AdaptivePacer } from '../../common/pacer';
import type { Page } from '../../common/paginate';
import { pages, take } from '../../common/paginate';
import type { RetryBudget } from '../../common/retry';
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

/** The API's page size for a search that wants up to `limit` items. */
export function searchPageSize(request: SearchRequest): number {
	const limit = request.limit ?? Infinity;
	return Math.min(request.maxPageSize, Number.isFinite(limit) ? Math.max(1, limit) : request.maxPageSize);
}

/** One page of a TikTok Shop search: its items of `listKey` and the next page_token. */
export async function searchPage(
	this: ApiContext,
	method: 'GET' | 'POST',
	path: string,
	listKey: string,
	request: SearchRequest,
	pageToken: string | undefined,
	retryBudget?: RetryBudget,
): Promise<Page<IDataObject>> {
	const data = await tikTokShopApiRequest.call(this, method, path, {
		shopCipher: request.shopCipher,
		query: { ...request.query, page_size: searchPageSize(request), page_token: pageToken },
		body: request.body,
		itemIndex: request.itemIndex,
		pacer: request.pacer,
		retryBudget,
	});
	request.onPage?.(data);
	return { items: (data[listKey] as IDataObject[]) ?? [], next: data.next_page_token as string };
}

/** Follows `next_page_token` over a TikTok Shop search API and collects up to `limit` items of `listKey`. */
export async function searchAll(
	this: ApiContext,
	method: 'GET' | 'POST',
	path: string,
	listKey: string,
	request: SearchRequest,
): Promise<IDataObject[]> {
	return await take(
		pages<IDataObject>(async (pageToken) => await searchPage.call(this, method, path, listKey, request, pageToken)),
		request.limit ?? Infinity,
	);
}
