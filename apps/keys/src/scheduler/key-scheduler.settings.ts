/** How the keys service's scheduler runs. */
export interface KeySchedulerSettings {
  /** Time between two runs, in milliseconds. */
  readonly intervalMs: number;
}

export const DEFAULT_KEY_SCHEDULER_SETTINGS: KeySchedulerSettings = { intervalMs: 30_000 };

/** The DI token of the scheduler's settings; KeysModule binds the defaults. */
export const KEY_SCHEDULER_SETTINGS = Symbol('KeySchedulerSettings');
