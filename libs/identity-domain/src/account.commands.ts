/*
 * What people ask of an account. The handler supplies what a pure decider cannot make: the new
 * user id and the time (`now`, ISO 8601).
 */

export interface RegisterAccount {
  readonly type: 'RegisterAccount';
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly now: string;
}

export type AccountCommand = RegisterAccount;
