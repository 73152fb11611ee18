import type { Router } from '../../common/http';
import { ok } from '../envelope';
import type { Handler } from './common';

export function registerAuthorizationRoutes(r: Router<Handler>): void {
	r.add('GET', '/authorization/202309/shops', (c) =>
		ok({
			shops: c.state.shops.map((s) => ({
				cipher: s.cipher,
				code: s.code,
				id: s.id,
				name: s.name,
				region: s.region,
				seller_type: s.seller_type,
			})),
		}),
	);
	r.add('GET', '/seller/202309/shops', (c) => ok({ shops: c.state.shops.map((s) => ({ id: s.id, region: s.region })) }));
}
