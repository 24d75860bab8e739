/** Stops the servers the global setup started (never servers the environment named). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.portalTestInfra?.stop();
}
