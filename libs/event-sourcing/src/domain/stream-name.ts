import { CodedError } from './coded-error';

/** The longest stream name the stores accept. */
export const MAX_STREAM_NAME_LENGTH = 200;

const CATEGORY = /^[a-z][a-z0-9]*$/;
// Whitespace and control characters, including the Unicode line and paragraph separators.
const FORBIDDEN_IN_ID = /[\s\p{Cc}\p{Cf}]/u;

/** A stream name, or a category, that breaks the `<category>-<id>` rules. */
export class InvalidStreamNameError extends CodedError {
  readonly code = 'EVENT_STORE.INVALID_STREAM_NAME';

  constructor(
    readonly streamName: string,
    readonly problem: string,
  ) {
    super(`Invalid stream name ${JSON.stringify(streamName)}: ${problem}`, { streamName, problem });
  }
}

export interface ParsedStreamName {
  readonly category: string;
  readonly id: string;
}

function categoryProblem(category: string): string | null {
  if (category === '') return 'the category (before the first "-") is empty';
  if (!CATEGORY.test(category)) {
    return `the category ${JSON.stringify(category)} must be lowercase letters and digits, starting with a letter`;
  }
  return null;
}

function streamNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return `a stream name must be a string, not ${typeof name}`;
  if (name.length > MAX_STREAM_NAME_LENGTH) {
    return `it is ${name.length} characters long; the limit is ${MAX_STREAM_NAME_LENGTH}`;
  }
  const dash = name.indexOf('-');
  if (dash < 0) return 'it must be "<category>-<id>" and has no "-"';
  const problem = categoryProblem(name.slice(0, dash));
  if (problem) return problem;
  const id = name.slice(dash + 1);
  if (id === '') return 'the id (after the first "-") is empty';
  if (FORBIDDEN_IN_ID.test(id)) return 'the id contains whitespace or control characters';
  return null;
}

/** Throws InvalidStreamNameError, naming the problem, unless `name` is `<category>-<id>`. */
export function assertValidStreamName(name: unknown): asserts name is string {
  const problem = streamNameProblem(name);
  if (problem !== null) throw new InvalidStreamNameError(String(name), problem);
}

/** Splits a stream name at its first "-"; the id may itself contain dashes (UUIDs do). */
export function parseStreamName(name: string): ParsedStreamName {
  assertValidStreamName(name);
  const dash = name.indexOf('-');
  return { category: name.slice(0, dash), id: name.slice(dash + 1) };
}

/** The one place an aggregate's stream names are made: `teamStreams.streamName(teamId)`. */
export interface StreamCategory {
  readonly category: string;
  streamName(id: string): string;
  /** The aggregate id of one of this category's streams; throws for any other stream. */
  idOf(streamName: string): string;
}

export function streamCategory(category: string): StreamCategory {
  const problem = categoryProblem(category);
  if (problem !== null) throw new InvalidStreamNameError(`${category}-`, problem);
  return {
    category,
    streamName(id: string): string {
      const name = `${category}-${id}`;
      assertValidStreamName(name);
      return name;
    },
    idOf(streamName: string): string {
      const parsed = parseStreamName(streamName);
      if (parsed.category !== category) {
        throw new InvalidStreamNameError(
          streamName,
          `it belongs to the category "${parsed.category}", not "${category}"`,
        );
      }
      return parsed.id;
    },
  };
}
