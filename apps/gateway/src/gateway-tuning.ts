/**
 * The gateway's timings and sizes. Constants in production; a test or a benchmark passes
 * other values to `GatewayModule.forRoot` (e.g. a short bus-silence threshold).
 */
export interface GatewayTuning {
  /** The key cache is trusted only while the bus was heard from within this many milliseconds. */
  readonly busSilenceMs: number;
  /** How long a key confirmation with the keys service (KEY_LOOKUP) may take. */
  readonly confirmTimeoutMs: number;
  /** How long reading one page of the key snapshot may take at start-up. */
  readonly snapshotPageTimeoutMs: number;
  /** The first pause before reading the snapshot again after a failure (doubling up to 30 s). */
  readonly snapshotRetryMs: number;
  /** How long the upstream API may take to send its answer's headers before the call gets 504. */
  readonly upstreamTimeoutMs: number;
  /** Idle keep-alive connections each upstream pool holds at most (and concurrent calls it opens). */
  readonly upstreamConnections: number;
  /** Usage records are published at least this often… */
  readonly usageFlushMs: number;
  /** …or as soon as this many are waiting… */
  readonly usageBatchSize: number;
  /** …or as soon as their messages take about this many bytes. */
  readonly usageBatchBytes: number;
  /** Records held while the bus refuses them; beyond it new records are dropped and counted. */
  readonly usageBufferLimit: number;
  /** The largest body `POST /v1/keys/verify` reads, in bytes. */
  readonly verifyBodyLimit: number;
}

export const DEFAULT_GATEWAY_TUNING: GatewayTuning = {
  busSilenceMs: 3_000,
  confirmTimeoutMs: 1_000,
  snapshotPageTimeoutMs: 5_000,
  snapshotRetryMs: 1_000,
  upstreamTimeoutMs: 30_000,
  upstreamConnections: 128,
  // Few large publishes: the broker's cost is mostly per publish, not per record.
  usageFlushMs: 500,
  usageBatchSize: 3_000,
  usageBatchBytes: 384 * 1024,
  usageBufferLimit: 100_000,
  verifyBodyLimit: 4_096,
};

/** The DI token of the GatewayTuning in force. */
export const GATEWAY_TUNING = Symbol('GatewayTuning');
