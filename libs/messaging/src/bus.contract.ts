import type { ContractOptions, MakeBus } from './contract/bus-fixtures.contract';
import { consumerGroupsContract } from './contract/consumer-groups.contract';
import { orderingContract } from './contract/ordering.contract';
import { publishConsumeContract } from './contract/publish-consume.contract';
import { restartContract } from './contract/restart.contract';
import { retriesContract } from './contract/retries.contract';

export type { ContractOptions, MakeBus } from './contract/bus-fixtures.contract';

/**
 * The behaviour every MessageBus adapter must have. Each adapter's `*.int.spec.ts` calls this
 * with a factory; each group of tests opens one bus and closes it afterwards, and every test
 * uses topics and groups of its own, so the suite also runs against a shared broker.
 */
export function busContract(name: string, makeBus: MakeBus, options: ContractOptions = {}): void {
  const waitMs = options.waitMs ?? 10_000;
  describe(`${name} bus contract`, () => {
    publishConsumeContract(makeBus, waitMs);
    orderingContract(makeBus, waitMs);
    consumerGroupsContract(makeBus, waitMs);
    retriesContract(makeBus, waitMs);
    restartContract(makeBus, waitMs);
  });
}
