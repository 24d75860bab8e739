import type { DomainEvent } from '@portal/event-sourcing/domain';

/*
 * The events of an account's stream (`account-<userId>`), version 1. A stored event's shape is
 * never edited: a change adds a version and an upcaster. No secret (password, hash, session
 * token) ever appears in an event; signing in and out are telemetry, not events.
 */

export type AccountRegistered = DomainEvent<
  'AccountRegistered',
  {
    readonly userId: string;
    /** Normalized: trimmed and lower-cased. */
    readonly email: string;
    readonly displayName: string;
    readonly registeredAt: string;
  }
>;

export type AccountEvent = AccountRegistered;

export type AccountEventType = AccountEvent['type'];
