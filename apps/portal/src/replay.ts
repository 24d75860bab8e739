import { ConfigError, loadServiceConfig } from '@portal/config';
import { CATEGORY_DOMAINS } from '@portal/contracts';
import { ReplayUsageError, runReplay, selectProjections } from '@portal/event-pipeline';
import { openEventStore } from '@portal/event-sourcing';
import { openReadModelStore } from '@portal/read-models';
import { portalService } from './portal.definition';

/**
 * `npm run replay -- <projection|all>`: drops the named read models and rebuilds them from the
 * event log, on the stores the environment configures, with a progress bar and a summary.
 */
async function main(args: readonly string[]): Promise<number> {
  const projections = portalService.projections ?? [];
  selectProjections(args, projections); // a usage error before any store is opened
  const config = loadServiceConfig(portalService.defaultPort);
  const eventStore = await openEventStore(config);
  const readStore = await openReadModelStore(config);
  try {
    await runReplay(args, {
      eventStore,
      readStore,
      projections,
      domains: CATEGORY_DOMAINS,
      out: process.stdout,
    });
    return 0;
  } finally {
    await Promise.all([eventStore.close(), readStore.close()]);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ReplayUsageError || error instanceof ConfigError) {
      process.stderr.write(`replay: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
