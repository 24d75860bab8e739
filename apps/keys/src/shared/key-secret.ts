import { createHash, randomBytes } from 'node:crypto';
import { base62Encode, formatKey, KEY_BODY_BYTES, type KeyEnvironment, keyHint } from '@portal/keys-domain';

/** A new key: the secret (shown once, never stored), the SHA-256 hash the portal keeps, and the hint it shows. */
export interface NewKeySecret {
  readonly secret: string;
  readonly secretHash: string;
  readonly hint: string;
}

/** SHA-256 of a key in lowercase hex: how the portal and the gateway recognise it. */
export const secretHashOf = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Makes a key of the environment from KEY_BODY_BYTES random bytes. */
export function newKeySecret(environment: KeyEnvironment): NewKeySecret {
  const secret = formatKey(environment, base62Encode(randomBytes(KEY_BODY_BYTES)));
  return { secret, secretHash: secretHashOf(secret), hint: keyHint(secret) };
}
