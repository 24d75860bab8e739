import { CodedError } from './coded-error';
import { foldEvents, type Decider } from './decider';
import type { DomainEvent } from './event-envelope';
import { structurallyEqual } from './structural-equality';

/** A given / when / then expectation that did not hold; the message shows both sides. */
export class SpecificationFailedError extends Error {
  override readonly name = 'SpecificationFailedError';
}

const show = (value: unknown): string => JSON.stringify(value, null, 2) ?? String(value);

type Outcome<Event> = { readonly events: readonly Event[] } | { readonly error: unknown };

export interface ThenClause<Event> {
  /** The command produced exactly these events, in this order. */
  then(expected: readonly Event[]): void;
  /** The command was accepted and changed nothing. */
  thenNothingHappens(): void;
  /** The command was refused with a CodedError carrying `code`; returns it for further checks. */
  thenThrows(code: string): CodedError;
}

export interface WhenClause<Command, Event> {
  when(command: Command): ThenClause<Event>;
}

export interface DeciderSpecification<Command, Event> {
  given(events: readonly Event[]): WhenClause<Command, Event>;
}

function run<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  history: readonly Event[],
  command: Command,
): Outcome<Event> {
  const state = foldEvents(decider, history);
  try {
    return { events: decider.decide(command, state) };
  } catch (error) {
    return { error };
  }
}

function expectEvents<Event>(outcome: Outcome<Event>, expected: readonly Event[]): void {
  if ('error' in outcome) {
    throw new SpecificationFailedError(
      `Expected events:\n${show(expected)}\nbut decide threw: ${String(outcome.error)}`,
    );
  }
  if (!structurallyEqual(outcome.events, expected)) {
    throw new SpecificationFailedError(`Expected events:\n${show(expected)}\nbut got:\n${show(outcome.events)}`);
  }
}

function expectError<Event>(outcome: Outcome<Event>, code: string): CodedError {
  if (!('error' in outcome)) {
    throw new SpecificationFailedError(`Expected the error ${code}, but got events:\n${show(outcome.events)}`);
  }
  const { error } = outcome;
  if (!(error instanceof CodedError) || error.code !== code) {
    const actual = error instanceof CodedError ? `${error.code}: ${error.message}` : String(error);
    throw new SpecificationFailedError(`Expected the error ${code}, but decide threw ${actual}`);
  }
  return error;
}

/**
 * Decider tests that read as the rule they check:
 *
 *   const spec = deciderSpecification(teamDecider);
 *   spec.given([teamCreated]).when(inviteMember).then([memberInvited]);
 *   spec.given([]).when(inviteMember).thenThrows('TEAM.NOT_FOUND');
 */
export function deciderSpecification<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpecification<Command, Event> {
  return {
    given: (history) => ({
      when: (command) => {
        const outcome = (): Outcome<Event> => run(decider, history, command);
        return {
          then: (expected) => expectEvents(outcome(), expected),
          thenNothingHappens: () => expectEvents(outcome(), []),
          thenThrows: (code) => expectError(outcome(), code),
        };
      },
    }),
  };
}
