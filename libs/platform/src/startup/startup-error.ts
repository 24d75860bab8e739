/** A server named by the configuration could not be reached at start-up. One line, no secrets. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
