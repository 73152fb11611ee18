import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as createProduct from './createProduct';
import * as deleteProduct from './deleteProduct';
import * as editProduct from './editProduct';
import * as getAllProducts from './getAllProducts';
import * as getProduct from './getProduct';
import * as getProductVariants from './getProductVariants';
import * as setActiveProduct from './setActiveProduct';
import * as setInactiveProduct from './setInactiveProduct';

export { createProduct, deleteProduct, editProduct, getAllProducts, getProduct, getProductVariants, setActiveProduct, setInactiveProduct };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{ name: 'Activate', value: 'setActiveProduct', description: 'Make the products of all input items active', action: 'Activate products' },
			{ name: 'Create', value: 'createProduct', description: 'Create a product', action: 'Create a product' },
			{ name: 'Deactivate', value: 'setInactiveProduct', description: 'Make the products of all input items inactive', action: 'Deactivate products' },
			{ name: 'Delete', value: 'deleteProduct', description: 'Delete the products of all input items', action: 'Delete products' },
			{ name: 'Get', value: 'getProduct', description: 'Get products by ID, SKU or URL', action: 'Get a product' },
			{ name: 'Get Many', value: 'getAllProducts', description: 'Get every product of a shop', action: 'Get many products' },
			{ name: 'Get Variants', value: 'getProductVariants', description: 'Get the variants of a product', action: 'Get variants of a product' },
			{ name: 'Update', value: 'editProduct', description: 'Change some fields of a product', action: 'Update a product' },
		],
		default: 'getAllProducts',
	},
	{
		...shopLocator,
		displayOptions: {
			show: {
				resource: ['product'],
				operation: ['getAllProducts', 'createProduct', 'editProduct', 'deleteProduct', 'setActiveProduct', 'setInactiveProduct'],
			},
		},
	},
	...getAllProducts.description,
	...getProduct.description,
	...getProductVariants.description,
	...createProduct.description,
	...editProduct.description,
	...deleteProduct.description,
	...setActiveProduct.description,
	...setInactiveProduct.description,
];
