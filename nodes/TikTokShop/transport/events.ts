import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Webhook type codes and topic names (reference §7.2). Deliveries carry only the number; the
 * topic is resolved here. TikTok adds codes without notice, so unknown numbers stay usable.
 */
export const TOPIC_BY_TYPE: Record<number, string> = {
	1: 'ORDER_STATUS_CHANGE',
	2: 'REVERSE_STATUS_UPDATE',
	3: 'RECIPIENT_ADDRESS_UPDATE',
	4: 'PACKAGE_UPDATE',
	5: 'PRODUCT_STATUS_CHANGE',
	6: 'SELLER_DEAUTHORIZATION',
	7: 'UPCOMING_AUTHORIZATION_EXPIRATION',
	11: 'CANCELLATION_STATUS_CHANGE',
	12: 'RETURN_STATUS_CHANGE',
	13: 'NEW_CONVERSATION',
	14: 'NEW_MESSAGE',
	15: 'PRODUCT_INFORMATION_CHANGE',
	16: 'PRODUCT_CREATION',
	17: 'SHOPPABLE_CONTENT_POSTING',
	18: 'PRODUCT_CATEGORY_CHANGE',
	19: 'SIZE_CHART_CHANGE',
	20: 'CREATOR_DEAUTHORIZATION',
	21: 'INBOUND_FBT_ORDER_STATUS_CHANGE',
	22: 'FBT_MERCHANT_ONBOARDING',
	23: 'GOODS_MATCH',
	24: 'FBT_INVENTORY_UPDATE',
	25: 'OPPORTUNITY_MATCHING_STATUS_CHANGE',
	27: 'INVENTORY_STATUS_CHANGE',
	33: 'NEW_MESSAGE_LISTENER',
	35: 'TOKOPEDIA_MIRROR_STATUS_CHANGE',
	36: 'INVOICE_STATUS_CHANGE',
	37: 'PRODUCT_AUDIT_STATUS_CHANGE',
	38: 'STRIKETHROUGH_PRICE_EXPIRED',
	39: 'ACTIVITY_STATUS_CHANGE',
	42: 'COMBINED_LISTING_CHANGE',
	46: 'IMAGE_TRANSLATION_COMPLETED',
	50: 'SKU_STATUS_CHANGE',
	51: 'GLOBAL_REPLICATION_STATUS_CHANGE',
	52: 'GLOBAL_LISTING_METHOD_CHANGE',
	55: 'VIDEO_PRECHECK_RESULT',
	56: 'SAMPLE_APPLICATION_STATUS_CHANGE',
	58: 'FBT_MCF_ORDER_STATUS',
	59: 'SHOPPABLE_VIDEO_PRECHECK_TASKS_RESULT',
	62: 'PRODUCT_PACKAGE_RECOMMENDED',
	63: 'ACTIVITY_CHANGE',
	64: 'AFTERSALES_REQUEST_STATUS_UPDATE',
	65: 'RMA_STATUS_UPDATE',
	66: 'APPEAL_COMPLETED',
	67: 'REFUND_SUCCESS',
	68: 'INVENTORY_CHANGED',
};

export function topicOf(type: unknown): string {
	return TOPIC_BY_TYPE[Number(type)] ?? `UNKNOWN_TYPE_${String(type)}`;
}

function title(topic: string): string {
	return topic
		.toLowerCase()
		.split('_')
		.map((word) => (word === 'fbt' || word === 'sku' || word === 'mcf' || word === 'rma' ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1)))
		.join(' ');
}

/**
 * The event types Update Shop Webhook accepts (reference §7.1, the request's enum); TikTok refuses
 * every other topic with 36009004, so the picker offers only these.
 */
export const REGISTRABLE_TOPICS = [
	'ORDER_STATUS_CHANGE',
	'RECIPIENT_ADDRESS_UPDATE',
	'PACKAGE_UPDATE',
	'PRODUCT_STATUS_CHANGE',
	'SELLER_DEAUTHORIZATION',
	'UPCOMING_AUTHORIZATION_EXPIRATION',
	'CANCELLATION_STATUS_CHANGE',
	'RETURN_STATUS_CHANGE',
	'NEW_CONVERSATION',
	'NEW_MESSAGE',
	'PRODUCT_INFORMATION_CHANGE',
	'PRODUCT_CREATION',
	'PRODUCT_CATEGORY_CHANGE',
	'NEW_MESSAGE_LISTENER',
	'INVOICE_STATUS_CHANGE',
	'PRODUCT_AUDIT_STATUS_CHANGE',
	'REVERSE_STATUS_UPDATE',
] as const;

const TYPE_BY_TOPIC = new Map(Object.entries(TOPIC_BY_TYPE).map(([type, topic]) => [topic, type]));

/** The event picker: the registrable topics by name, sorted. */
export const topicOptions: INodePropertyOptions[] = REGISTRABLE_TOPICS.map((topic) => ({
	name: `${title(topic)} (${TYPE_BY_TOPIC.get(topic) ?? '?'})`,
	value: topic,
})).sort((a, b) => a.name.localeCompare(b.name));
