export type AccountState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly userId: string;
      readonly email: string;
      readonly displayName: string;
      readonly registeredAt: string;
    };

export type ActiveAccount = Extract<AccountState, { status: 'active' }>;
