import { defineReadModel } from '@portal/read-models';

/**
 * When each key was last presented to the gateway, and from which network. Written from the
 * gateway's usage records, at most once a minute per key, and never back in time (the write's
 * version is the time in milliseconds). Not a projection: a replay of the event log leaves it
 * as it is. Id: the key id.
 */
export interface KeyLastUsedDoc {
  readonly keyId: string;
  readonly lastUsedAt: string;
  /** The caller's IPv4 /24 or IPv6 /48 as CIDR text; null when the address was not one. */
  readonly lastUsedNetwork: string | null;
}

export const keyLastUsedReadModel = defineReadModel<KeyLastUsedDoc>({ name: 'api_key_last_used' });
