import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as activateProduct from './activateProduct';
import * as getAttributes from './getAttributes';
import * as getBrands from './getBrands';
import * as getCategories from './getCategories';
import * as getCategoryRules from './getCategoryRules';
import * as createProduct from './createProduct';
import * as deactivateProducts from './deactivateProducts';
import * as deleteProducts from './deleteProducts';
import * as getProduct from './getProduct';
import * as partialEditProduct from './partialEditProduct';
import * as recoverProducts from './recoverProducts';
import * as searchProducts from './searchProducts';
import * as uploadProductImage from './uploadProductImage';

export {
	activateProduct,
	createProduct,
	deactivateProducts,
	deleteProducts,
	getAttributes,
	getBrands,
	getCategories,
	getCategoryRules,
	getProduct,
	partialEditProduct,
	recoverProducts,
	searchProducts,
	uploadProductImage,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{ name: 'Activate', value: 'activateProduct', description: 'Activate the products of all input items (20 per request)', action: 'Activate products' },
			{ name: 'Create', value: 'createProduct', description: 'Create a product', action: 'Create a product' },
			{ name: 'Deactivate', value: 'deactivateProducts', description: 'Deactivate the products of all input items', action: 'Deactivate products' },
			{ name: 'Delete', value: 'deleteProducts', description: 'Delete the products of all input items', action: 'Delete products' },
			{ name: 'Get', value: 'getProduct', description: 'Get a product', action: 'Get a product' },
			{ name: 'Get Brands', value: 'getBrands', description: 'List brands, optionally for a category', action: 'Get brands' },
			{ name: 'Get Categories', value: 'getCategories', description: 'List product categories', action: 'Get categories' },
			{ name: 'Get Category Attributes', value: 'getAttributes', description: 'Attributes a category requires or allows', action: 'Get category attributes' },
			{ name: 'Get Category Rules', value: 'getCategoryRules', description: 'Rules of a category (size chart, certifications…)', action: 'Get category rules' },
			{ name: 'Get Many', value: 'searchProducts', description: 'Search products', action: 'Get many products' },
			{ name: 'Recover', value: 'recoverProducts', description: 'Recover deleted products of all input items', action: 'Recover products' },
			{ name: 'Update', value: 'partialEditProduct', description: 'Change some fields of a product', action: 'Update a product' },
			{ name: 'Upload Image', value: 'uploadProductImage', description: 'Upload an image from an input binary field', action: 'Upload a product image' },
		],
		default: 'searchProducts',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['product'] }, hide: { operation: ['uploadProductImage'] } } },
	...searchProducts.description,
	...getProduct.description,
	...createProduct.description,
	...partialEditProduct.description,
	...activateProduct.description,
	...deactivateProducts.description,
	...deleteProducts.description,
	...recoverProducts.description,
	...getCategories.description,
	...getAttributes.description,
	...getCategoryRules.description,
	...getBrands.description,
	...uploadProductImage.description,
];
