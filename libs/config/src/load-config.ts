import { ConfigError } from './config-error';
import type { Parser } from './env-parsers';

export interface VariableSpec<T> {
  readonly parse: Parser<T>;
  /** Used when the variable is unset or empty; without one the variable is optional. */
  readonly default?: T;
  readonly required?: boolean;
  /** Required only when this returns true for the other raw variables. */
  readonly requiredWhen?: (env: Readonly<Record<string, string | undefined>>) => string | false;
}

export type ConfigSpec = Record<string, VariableSpec<unknown>>;

type ValueOf<S> =
  S extends VariableSpec<infer T> ? (S extends { default: unknown } | { required: true } ? T : T | undefined) : never;

export type ConfigOf<Spec extends ConfigSpec> = { readonly [K in keyof Spec]: ValueOf<Spec[K]> };

/**
 * Reads and validates every variable of the spec at once, so that one start-up reports all
 * problems together; throws ConfigError, whose message is a single line.
 */
export function loadConfig<Spec extends ConfigSpec>(
  spec: Spec,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ConfigOf<Spec> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      const because = variable.requiredWhen?.(env);
      if (variable.required || because) {
        problems.push(`${name} is required${because ? ` when ${because}` : ''}`);
      }
      values[name] = variable.default;
      continue;
    }
    try {
      values[name] = variable.parse(raw);
    } catch (error) {
      problems.push(`${name} ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigOf<Spec>;
}
