/** The servers the test suite can ask for. */
export type ServerName = 'kafka' | 'postgres' | 'mongodb' | 'smtp';

/** A server that is neither named by the environment nor could be started here. */
export interface MissingServer {
  server: ServerName;
  /** One line: why it is not available. */
  reason: string;
  /** One line: how the user provides it (an environment variable or an install). */
  howTo: string;
}

/** The servers available to the tests, and the variables that point at them. */
export interface TestInfra {
  /** KAFKA_BROKERS, DATABASE_URL, MONGODB_URI, SMTP_URL, SMTP_SINK_API for what is available. */
  env: Record<string, string>;
  missing: MissingServer[];
  /** Stops every server this library started (not user-provided ones) and removes temp dirs. */
  stop(): Promise<void>;
}

export interface StartTestInfraOptions {
  /** Which servers to provide; all of them by default. */
  servers?: ServerName[];
  /** Receives progress and failure lines; standard error by default. */
  log?: (line: string) => void;
}

/** A server started by this library: the variables that point at it, and how to stop it. */
export interface RunningServer {
  env: Record<string, string>;
  stop(): Promise<void>;
}
