import type { DomainEvent } from './event-envelope';

/**
 * An aggregate's behaviour as three pure functions: no clock, no randomness, no I/O. Time, ids
 * and secrets arrive in the command. `decide` returns the events a command causes, or throws a
 * DomainError; `evolve` folds one event into the state.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** The state after `events`, starting from `state` (the initial state by default). */
export function foldEvents<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
  state: State = decider.initialState(),
): State {
  return events.reduce((current, event) => decider.evolve(current, event), state);
}
