/**
 * A configuration problem found at start-up. Its message is one line that names the
 * variable and says what is wrong, never the value (it may hold a password).
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}
