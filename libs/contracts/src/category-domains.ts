/**
 * Which domain's topic (`portal.<domain>.events`) carries each stream category's events.
 * One table for the whole portal: the relay routes by it, projections subscribe by it.
 */
export const CATEGORY_DOMAINS: Readonly<Record<string, string>> = {
  account: 'identity',
  email: 'identity',
  team: 'teams',
  apikey: 'keys',
};
