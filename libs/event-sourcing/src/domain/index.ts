export { CodedError, DomainError } from './coded-error';
export { foldEvents, type Decider } from './decider';
export {
  deciderSpecification,
  SpecificationFailedError,
  type DeciderSpecification,
  type ThenClause,
  type WhenClause,
} from './decider-specification';
export type {
  ActorKind,
  DomainEvent,
  EventMetadata,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  RecordedEvent,
} from './event-envelope';
export { assertNever } from './exhaustive';
export {
  assertValidStreamName,
  InvalidStreamNameError,
  MAX_STREAM_NAME_LENGTH,
  parseStreamName,
  streamCategory,
  type ParsedStreamName,
  type StreamCategory,
} from './stream-name';
export { structurallyEqual } from './structural-equality';
export {
  InvalidUpcasterError,
  UpcasterAlreadyRegisteredError,
  UpcasterRegistry,
  type UpcastFunction,
} from './upcaster-registry';
