export { CATEGORY_DOMAINS } from './category-domains';
export { userActivityReadModel, type UserActivityDoc } from './user-activity.read-model';
