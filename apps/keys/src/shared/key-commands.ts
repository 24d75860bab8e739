import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventMetadata, type EventStore, handleCommand } from '@portal/event-sourcing';
import {
  type ApiKeyCommand,
  apiKeyDecider,
  type ApiKeyEvent,
  type ApiKeyState,
  apiKeyStreams,
} from '@portal/keys-domain';
import { KeysClock } from './keys-clock';

/** A key command without what the runner supplies: the time. */
export type KeyCommandInput = ApiKeyCommand extends infer C ? (C extends unknown ? Omit<C, 'now'> : never) : never;

export interface KeyCommandResult {
  readonly state: ApiKeyState;
  /** The events this command appended (none when it changed nothing). */
  readonly events: readonly ApiKeyEvent[];
}

/**
 * Runs one command against a key's stream (`apikey-<keyId>`): load, decide, append with the
 * expected revision (handleCommand retries on a concurrent write). The command gets `now`
 * from the service clock unless the caller fixes it.
 */
@Injectable()
export class KeyCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: KeysClock,
  ) {}

  async run(input: KeyCommandInput, metadata: EventMetadata, now = this.clock.now()): Promise<KeyCommandResult> {
    const command = { ...input, now: now.toISOString() } as ApiKeyCommand;
    const { state, events } = await handleCommand({
      store: this.store,
      streamName: apiKeyStreams.streamName(command.keyId),
      decider: apiKeyDecider,
      command,
      metadata,
    });
    return { state, events: events.map(({ type, data }) => ({ type, data }) as ApiKeyEvent) };
  }
}
