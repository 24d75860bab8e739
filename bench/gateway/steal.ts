import { readFileSync } from 'node:fs';

/*
 * CPU steal: the time the hypervisor ran other tenants on this machine's virtual CPUs. It is read
 * from /proc/stat, in clock ticks of 10 ms; where /proc cannot tell, figures are NaN and count as
 * clean (nothing says otherwise).
 */

const TICK_MS = 10;

function statLines(): string[] {
  try {
    return readFileSync('/proc/stat', 'utf8').split('\n');
  } catch {
    return [];
  }
}

/** The machine's CPU time counters (user, nice, system, idle, iowait, irq, softirq, steal, …); empty where /proc cannot tell. */
export function machineTimes(): number[] {
  return (statLines()[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
}

/** The steal share between two readings of machineTimes, in %; NaN where unknown. */
export function stealPctBetween(before: number[], after: number[]): number {
  const spent = after.map((value, index) => value - (before[index] ?? Number.NaN));
  const total = spent.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return total > 0 ? ((spent[7] ?? Number.NaN) * 100) / total : Number.NaN;
}

/** Each CPU's steal counter, in ticks. */
function stealTicksByCpu(): number[] {
  return statLines()
    .filter((line) => /^cpu\d/.test(line))
    .map((line) => Number(line.split(/\s+/)[8]));
}

/**
 * Watches for steal that comes in one piece: every `windowMs`, how much one CPU lost in that
 * window. A round can average 1% steal and still lose one CPU for 100 ms at a stretch; every call
 * that CPU held waits that long, and at 1,000 calls a second that alone is a whole p99. `stop`
 * gives the most one CPU lost in one window, in ms (NaN where /proc cannot tell).
 */
export function watchStealBursts(windowMs: number): { stop(): number } {
  let previous = stealTicksByCpu();
  let worst = previous.length === 0 ? Number.NaN : 0;
  const sample = (): void => {
    const now = stealTicksByCpu();
    for (const [cpu, ticks] of now.entries()) worst = Math.max(worst, (ticks - (previous[cpu] ?? ticks)) * TICK_MS);
    previous = now;
  };
  const timer = setInterval(sample, windowMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return worst;
    },
  };
}
