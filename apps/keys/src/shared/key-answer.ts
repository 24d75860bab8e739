import { ApiProperty } from '@nestjs/swagger';
import {
  EXPIRING_SOON_MS,
  effectiveStatus,
  type EffectiveKeyStatus,
  KEY_ENVIRONMENTS,
  type KeyEnvironment,
} from '@portal/keys-domain';
import type { ApiKeyDoc } from '../api-keys/api-keys.read-model';
import type { KeyLastUsedDoc } from '../last-used/last-used.read-model';
import { LimitsBody } from './key-fields';

const KEY_STATUSES: readonly EffectiveKeyStatus[] = ['active', 'expiring_soon', 'expired', 'revoked'];
const UUID_EXAMPLE = '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d';
const TIME_EXAMPLE = '2026-01-31T12:00:00.000Z';

export class KeyRollAnswer {
  @ApiProperty({ type: String, format: 'uuid', example: UUID_EXAMPLE, description: 'The key that replaces this one' })
  readonly replacementKeyId!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when this key keeps working; null: it was revoked when rolled',
  })
  readonly graceEndsAt!: string | null;
}

export class KeyRevocationAnswer {
  @ApiProperty({ type: String, enum: ['revoked', 'rolled'], description: 'Revoked by a person, or by a roll' })
  readonly cause!: 'revoked' | 'rolled';

  @ApiProperty({ type: String, nullable: true, description: 'What the person who revoked it wrote' })
  readonly reason!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The user; null when the grace period of a roll ended',
  })
  readonly revokedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: TIME_EXAMPLE })
  readonly revokedAt!: string;
}

/** An API key as its team sees it. Neither the secret nor its hash is ever part of it. */
export class KeyAnswer {
  @ApiProperty({ type: String, format: 'uuid', example: UUID_EXAMPLE })
  readonly keyId!: string;

  @ApiProperty({ type: String, format: 'uuid', example: UUID_EXAMPLE })
  readonly teamId!: string;

  @ApiProperty({ type: String, example: 'Production App' })
  readonly name!: string;

  @ApiProperty({ type: String, example: 'Checkout service in eu-west' })
  readonly description!: string;

  @ApiProperty({ type: String, enum: KEY_ENVIRONMENTS, example: 'production' })
  readonly environment!: KeyEnvironment;

  @ApiProperty({
    type: String,
    description: 'The prefix and the last 4 characters of the key',
    example: 'cr3_live_…Ab12',
  })
  readonly hint!: string;

  @ApiProperty({
    type: String,
    enum: KEY_STATUSES,
    description: `Now: expiring_soon within ${EXPIRING_SOON_MS / 86_400_000} days of expiresAt; a rolled key is revoked once its grace period ends`,
  })
  readonly status!: EffectiveKeyStatus;

  @ApiProperty({ type: String, format: 'uuid', example: UUID_EXAMPLE, description: 'The user who created it' })
  readonly createdBy!: string;

  @ApiProperty({ type: String, format: 'date-time', example: TIME_EXAMPLE })
  readonly createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: never expires' })
  readonly expiresAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last call through the gateway that presented the key (recorded at most once a minute)',
  })
  readonly lastUsedAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The network of that call: its IPv4 /24 or IPv6 /48',
    example: '203.0.113.0/24',
  })
  readonly lastUsedNetwork!: string | null;

  @ApiProperty({ type: () => LimitsBody, description: 'The usage limits; an absent field is no limit' })
  readonly limits!: LimitsBody;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The key this one replaced, when it was made by rolling that key',
  })
  readonly rolledFrom!: string | null;

  @ApiProperty({ type: () => KeyRollAnswer, nullable: true, description: 'Set once this key has been rolled' })
  readonly roll!: KeyRollAnswer | null;

  @ApiProperty({ type: () => KeyRevocationAnswer, nullable: true, description: 'Set once the key is revoked' })
  readonly revocation!: KeyRevocationAnswer | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the key expired' })
  readonly expiredAt!: string | null;
}

/** A key just made: its listing fields and, this once, the key itself. */
export class CreatedKeyAnswer extends KeyAnswer {
  @ApiProperty({
    type: String,
    description: 'The API key. Shown this once: store it now, it cannot be shown again',
    example: 'cr3_live_…',
  })
  readonly secret!: string;
}

/** When a key stopped working, as recorded or as due at `now`. */
function revocationOf(doc: ApiKeyDoc, now: string): KeyRevocationAnswer | null {
  const { key } = doc;
  if (key.status === 'revoked' && doc.revocation !== null) return { ...doc.revocation, revokedAt: key.revokedAt };
  const graceEndsAt = key.roll?.graceEndsAt ?? null;
  if (key.status === 'active' && graceEndsAt !== null && effectiveStatus(key, now) === 'revoked') {
    return { cause: 'rolled', reason: null, revokedBy: null, revokedAt: graceEndsAt };
  }
  return null;
}

/** The answer for one key at `now`: its status as it stands then, and when it was last used. */
export function keyAnswer(doc: ApiKeyDoc, lastUsed: KeyLastUsedDoc | null, now: Date): KeyAnswer {
  const { key } = doc;
  const at = now.toISOString();
  const status = effectiveStatus(key, at);
  const expiredAt = key.status === 'expired' ? key.expiredAt : status === 'expired' ? key.expiresAt : null;
  return {
    keyId: key.keyId,
    teamId: key.teamId,
    name: key.name,
    description: key.description,
    environment: key.environment,
    hint: key.hint,
    status,
    createdBy: doc.createdBy,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: lastUsed?.lastUsedAt ?? null,
    lastUsedNetwork: lastUsed?.lastUsedNetwork ?? null,
    limits: key.limits,
    rolledFrom: key.rolledFrom,
    roll: key.roll,
    revocation: revocationOf(doc, at),
    expiredAt,
  };
}
