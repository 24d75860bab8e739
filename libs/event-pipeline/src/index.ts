export { EVENT_HEADERS, eventMessage, eventOfMessage, MalformedEventMessageError } from './event-message';
export { topicOfStream, type CategoryDomains } from './event-routing';
export { describeError, silentPipelineLogger, type PipelineLogger } from './pipeline-logger';
export type { Projection } from './projection/projection';
export { ProjectionRunner, type ProjectionLag, type ProjectionRunnerOptions } from './projection/projection-runner';
export { EventRelay, type EventRelayOptions } from './relay/event-relay';
export { runReplay, ReplayUsageError, selectProjections, type ReplayCliContext } from './replay/replay-cli';
export {
  replayProjections,
  type ReplayOptions,
  type ReplayProgress,
  type ReplaySummary,
} from './replay/replay-projections';
