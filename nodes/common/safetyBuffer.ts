import type { INodeProperties } from 'n8n-workflow';

export type SafetyBufferMode = 'none' | 'subtractUnits' | 'keepPercent';

export interface SafetyBuffer {
	mode: SafetyBufferMode;
	value: number;
}

/**
 * The quantity to publish after holding some stock back: subtract N units, or publish only X % of
 * it (rounded down, so the buffer never rounds in the seller's disfavour). Never below 0.
 */
export function applySafetyBuffer(quantity: number, buffer?: SafetyBuffer): number {
	const base = Math.max(0, Math.floor(quantity));
	if (!buffer || buffer.mode === 'none') return base;
	if (buffer.mode === 'subtractUnits') return Math.max(0, base - Math.max(0, Math.floor(buffer.value)));
	const percent = Math.min(100, Math.max(0, buffer.value));
	return Math.max(0, Math.floor((base * percent) / 100));
}

/** The option both marketplaces' stock pushes show. */
export const safetyBufferOptions: INodeProperties[] = [
	{
		displayName: 'Safety Buffer',
		name: 'safetyBufferMode',
		type: 'options',
		default: 'none',
		description: 'Hold stock back from the marketplace to absorb sales that happen before the next sync',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Publish a Percentage', value: 'keepPercent', description: 'Publish only this % of the quantity (rounded down)' },
			{ name: 'Subtract Units', value: 'subtractUnits', description: 'Publish the quantity minus this many units' },
		],
	},
	{
		displayName: 'Buffer Value',
		name: 'safetyBufferValue',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Units to subtract, or the percentage to publish (0–100)',
		displayOptions: { hide: { safetyBufferMode: ['none'] } },
	},
];
