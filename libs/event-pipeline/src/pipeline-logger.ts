/** Where the pipeline reports what it does; never given event payloads. */
export interface PipelineLogger {
  info(message: string): void;
  warn(message: string): void;
}

export const silentPipelineLogger: PipelineLogger = { info: () => undefined, warn: () => undefined };

export const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));
