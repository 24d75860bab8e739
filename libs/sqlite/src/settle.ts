/**
 * Runs synchronous store work behind a promise, so that an error thrown by it reaches the
 * caller as a rejection, like every other failure of an asynchronous port.
 */
export function settle<T>(work: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}
