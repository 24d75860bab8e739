import { defineReadModel } from '@portal/read-models';

/**
 * When each person last used the portal with a session: identity writes it (at most once a
 * minute per session), the team overview reads it to show "last active" and flag inactivity.
 * Id: the user id.
 */
export interface UserActivityDoc {
  readonly userId: string;
  readonly lastActiveAt: string;
}

export const userActivityReadModel = defineReadModel<UserActivityDoc>({
  name: 'user_activity',
  indexes: [{ fields: { userId: 1 }, unique: true }],
});
