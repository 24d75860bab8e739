import {
  START,
  streamNameFilter,
  type KurrentDBClient,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import type { UpcasterRegistry } from '../domain/upcaster-registry';
import type { SubscribeOptions, Subscription, SubscriptionEnd } from '../event-store/event-store.port';
import { fromResolvedEvent } from './kurrentdb-events';

/** Only our streams (`<category>-<id>`): no system streams, no idempotency record streams. */
export const OUR_STREAMS = '^[a-z][a-z0-9]*-';

/** Where to read $all from for a checkpoint (the reads skip the checkpoint's own event). */
export const positionAfter = (after: number | undefined): ReadPosition =>
  after === undefined ? START : ({ commit: BigInt(after), prepare: BigInt(after) } satisfies Position);

/**
 * A catch-up subscription to $all through KurrentDB's own: it reads from the checkpoint and
 * turns live by itself. Events are taken one at a time (async iteration), so the handler's
 * pace is the subscription's, and the checkpoint only moves past handled events.
 */
export function startKurrentDbSubscription(
  client: KurrentDBClient,
  upcasters: UpcasterRegistry,
  options: SubscribeOptions,
): Subscription {
  const { after } = options;
  const native = client.subscribeToAll({
    fromPosition: positionAfter(after),
    filter: streamNameFilter({ regex: OUR_STREAMS }),
  });
  let stopping = false;

  async function run(): Promise<SubscriptionEnd> {
    try {
      for await (const resolved of native) {
        if (stopping) break;
        const event = fromResolvedEvent(resolved);
        if (event === null || (after !== undefined && event.globalPosition <= after)) continue;
        await options.onEvent(upcasters.upcast(event));
      }
      return { reason: 'stopped' };
    } catch (error) {
      if (stopping) return { reason: 'stopped' };
      await native.unsubscribe();
      return { reason: 'failed', error };
    }
  }

  const ended = run();
  return {
    ended,
    async stop() {
      stopping = true;
      await native.unsubscribe();
      return ended;
    },
  };
}
