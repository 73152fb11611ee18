import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Adds `show` conditions to every property (n8n-nodes-base's updateDisplayOptions, which is not published). */
export function withDisplay(show: IDisplayOptions['show'], properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	}));
}
