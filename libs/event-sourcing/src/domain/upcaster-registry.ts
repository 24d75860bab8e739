import { CodedError } from './coded-error';
import type { EventMetadata, RecordedEvent } from './event-envelope';

/** Turns the payload of one stored version of an event type into the next version's. */
export type UpcastFunction<From, To> = (data: From, metadata: EventMetadata) => To;

/** A second upcaster for the same event type and version: the chain would be ambiguous. */
export class UpcasterAlreadyRegisteredError extends CodedError {
  readonly code = 'EVENT_STORE.UPCASTER_ALREADY_REGISTERED';

  constructor(eventType: string, fromVersion: number) {
    super(`An upcaster for ${eventType} v${fromVersion} is already registered`, { eventType, fromVersion });
  }
}

export class InvalidUpcasterError extends CodedError {
  readonly code = 'EVENT_STORE.INVALID_UPCASTER';

  constructor(eventType: string, fromVersion: number) {
    super(`An upcaster needs an event type and a whole fromVersion ≥ 1; got ${eventType} v${fromVersion}`, {
      eventType,
      fromVersion,
    });
  }
}

/**
 * Stored events are never rewritten: an event type whose shape changes gets a new schema
 * version and an upcaster from the old one. The stores apply the chain on every read, so
 * deciders, projections and subscribers only ever see the latest shape.
 */
export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Map<number, UpcastFunction<unknown, unknown>>>();

  /** Registers `fromVersion` -> `fromVersion + 1` for `eventType`. */
  register<From, To>(eventType: string, fromVersion: number, upcast: UpcastFunction<From, To>): this {
    if (eventType === '' || !Number.isSafeInteger(fromVersion) || fromVersion < 1) {
      throw new InvalidUpcasterError(eventType, fromVersion);
    }
    const byVersion = this.upcasters.get(eventType) ?? new Map<number, UpcastFunction<unknown, unknown>>();
    if (byVersion.has(fromVersion)) throw new UpcasterAlreadyRegisteredError(eventType, fromVersion);
    byVersion.set(fromVersion, upcast as UpcastFunction<unknown, unknown>);
    this.upcasters.set(eventType, byVersion);
    return this;
  }

  /** The version new events of this type are written with: one past the last upcaster, or 1. */
  latestVersion(eventType: string): number {
    let version = 1;
    const byVersion = this.upcasters.get(eventType);
    while (byVersion?.has(version)) version += 1;
    return version;
  }

  /** The event in its latest known shape (the same object when no upcaster applies). */
  upcast<E extends RecordedEvent>(event: E): E {
    const byVersion = this.upcasters.get(event.type);
    if (byVersion === undefined) return event;
    let { data, schemaVersion } = event as RecordedEvent;
    for (let step = byVersion.get(schemaVersion); step !== undefined; step = byVersion.get(schemaVersion)) {
      data = step(data, event.metadata);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}
