import type { Router } from '../../common/http';
import { GRANTED_SCOPES } from '../constants';
import { ok } from '../envelope';
import type { Handler } from './common';

/** `/seller/202309/*`: not shop-scoped (shop_cipher is refused by the dispatcher). `GET /seller/202309/shops` lives in authorization.ts. */
export function registerSellerRoutes(r: Router<Handler>): void {
	// Shape per SDK models (NET SellerGetPermissionsResponse: data.permissions string[]): the scopes granted to the sandbox app.
	r.add('GET', '/seller/202309/permissions', () => ok({ permissions: [...GRANTED_SCOPES] }));
}
