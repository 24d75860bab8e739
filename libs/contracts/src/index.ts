export { CATEGORY_DOMAINS } from './category-domains';
