import { appendAndReadContract } from './append-read.contract';
import { concurrencyContract } from './concurrency.contract';
import type { MakeEventStore } from './contract-fixtures.contract';
import { globalOrderContract } from './global-order.contract';
import { idempotencyContract } from './idempotency.contract';
import { subscriptionContract } from './subscription.contract';
import { upcastingContract } from './upcasting.contract';

export type { MakeEventStore } from './contract-fixtures.contract';

/**
 * The behaviour every EventStore adapter must have. Each adapter's `*.int.spec.ts` calls this
 * with a factory that opens a fresh store; tests use streams of their own and read $all from
 * the end of the log as it was when they started, so the suite also runs on a shared server.
 */
export function eventStoreContract(name: string, makeStore: MakeEventStore): void {
  describe(`${name} event store contract`, () => {
    appendAndReadContract(makeStore);
    globalOrderContract(makeStore);
    concurrencyContract(makeStore);
    subscriptionContract(makeStore);
    idempotencyContract(makeStore);
    upcastingContract(makeStore);
  });
}
