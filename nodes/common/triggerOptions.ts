import type { INodeProperties } from 'n8n-workflow';

/** The duplicate window both webhook triggers show; `key` says what makes two deliveries the same. */
export function duplicateWindowOption(key: string): INodeProperties {
	return {
		displayName: 'Duplicate Window (Minutes)',
		name: 'dedupeMinutes',
		type: 'number',
		default: 1440,
		typeOptions: { minValue: 0 },
		description: `Marketplaces redeliver events they think were lost. A delivery with the same ${key} within this window does not run the workflow again (0 turns this off).`,
	};
}

export const fetchOrderOption: INodeProperties = {
	displayName: 'Fetch Full Order',
	name: 'fetchOrder',
	type: 'boolean',
	default: false,
	description: 'Whether to add the order\'s full detail (Get Order) to events that name an order',
};

/** TikTok redelivers a notification it thinks was lost for up to 12 hours (reference §7). */
export const MAX_AGE_DEFAULT_MINUTES = 780;

export const maxAgeOption: INodeProperties = {
	displayName: 'Maximum Age (Minutes)',
	name: 'maxAgeMinutes',
	type: 'number',
	default: MAX_AGE_DEFAULT_MINUTES,
	typeOptions: { minValue: 1 },
	description:
		'A delivery whose signed timestamp is older than this gets HTTP 400 and runs nothing, so a captured delivery cannot be replayed once its duplicate record has expired. Never longer than the Duplicate Window: the shorter of the two applies. TikTok redelivers for up to 12 hours; shorter values refuse late redeliveries.',
};

/** The maximum age that applies: never longer than the duplicate window, so a replay is always caught by one of them. */
export function effectiveMaxAgeSeconds(maxAgeMinutes: unknown, dedupeMinutes: unknown): number {
	const maxAge = Number(maxAgeMinutes ?? MAX_AGE_DEFAULT_MINUTES) * 60;
	const windowSeconds = Number(dedupeMinutes ?? 1440) * 60;
	const chosen = maxAge > 0 ? maxAge : MAX_AGE_DEFAULT_MINUTES * 60;
	return windowSeconds > 0 ? Math.min(chosen, windowSeconds) : chosen;
}
