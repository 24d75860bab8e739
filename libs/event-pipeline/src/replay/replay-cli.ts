import type { EventStore } from '@portal/event-sourcing';
import type { ReadModelStore } from '@portal/read-models';
import type { CategoryDomains } from '../event-routing';
import type { Projection } from '../projection/projection';
import { type ReplayProgress, replayProjections, type ReplaySummary } from './replay-projections';

export interface ReplayCliContext {
  readonly eventStore: EventStore;
  readonly readStore: ReadModelStore;
  readonly projections: readonly Projection[];
  readonly domains: CategoryDomains;
  /** Progress and the summary; a terminal gets a progress bar redrawn in place. */
  readonly out: NodeJS.WritableStream & { isTTY?: boolean };
}

export class ReplayUsageError extends Error {
  override readonly name = 'ReplayUsageError';
}

/** The projections `npm run replay -- <projection|all>` names, or a usage error listing them. */
export function selectProjections(args: readonly string[], projections: readonly Projection[]): Projection[] {
  const known = projections.map((projection) => projection.name);
  const usage = `usage: npm run replay -- <projection|all>; projections: ${known.join(', ') || '(none)'}`;
  if (args.length !== 1 || !args[0]) throw new ReplayUsageError(usage);
  if (args[0] === 'all') return [...projections];
  const chosen = projections.find((projection) => projection.name === args[0]);
  if (!chosen) throw new ReplayUsageError(`no projection named ${JSON.stringify(args[0])}; ${usage}`);
  return [chosen];
}

function progressLine({ events, total }: ReplayProgress): string {
  const share = total > 0 ? Math.min(1, events / total) : 1;
  const filled = Math.round(share * 30);
  return `[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${events}/${total} events`;
}

/** Rebuilds the chosen projections, showing progress, and returns the closing summary. */
export async function runReplay(args: readonly string[], context: ReplayCliContext): Promise<ReplaySummary> {
  const projections = selectProjections(args, context.projections);
  const { out } = context;
  let lastDrawn = 0;
  const summary = await replayProjections({
    ...context,
    projections,
    onProgress: (progress) => {
      const now = Date.now();
      if (out.isTTY && now - lastDrawn > 100) out.write(`\r${progressLine(progress)}`);
      else if (!out.isTTY && now - lastDrawn > 2_000) out.write(`${progressLine(progress)}\n`);
      else return;
      lastDrawn = now;
    },
  });
  if (out.isTTY) out.write(`\r${progressLine({ events: summary.events, total: summary.events })}\n`);
  out.write(
    `replayed ${summary.projections.join(', ') || '(no projections)'}: ${summary.events} events in ${summary.seconds.toFixed(2)} s ` +
      `(${Math.round(summary.eventsPerSecond)} events/s)\n`,
  );
  return summary;
}
