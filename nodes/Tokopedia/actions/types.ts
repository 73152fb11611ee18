export type { ShopResolver } from '../../common/router';
