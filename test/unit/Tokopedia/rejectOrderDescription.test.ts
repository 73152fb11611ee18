import type { INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Tokopedia } from '../../../nodes/Tokopedia/Tokopedia.node';

const description = new Tokopedia().description;

function issuesFor(parameters: Record<string, unknown>) {
	const node: INode = {
		id: 'n1',
		name: 'Reject',
		type: 'n8n-nodes-tokopedia-tiktokshop.tokopedia',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'order', operation: 'rejectOrder', orderId: '={{ $json.order_id }}', reason: 'Habis', ...parameters },
	} as INode;
	return NodeHelpers.getNodeParametersIssues(description.properties, node, description)?.parameters ?? {};
}

describe('Reject Order in the editor (n8n\'s own parameter check)', () => {
	it('does not demand the shop-closed fields when Reason Code is an expression', () => {
		expect(issuesFor({ reasonCode: '={{ $json.reason_code }}' })).toEqual({});
	});

	it('does not demand them for a fixed code other than 4 either', () => {
		expect(issuesFor({ reasonCode: 1 })).toEqual({});
	});
});
