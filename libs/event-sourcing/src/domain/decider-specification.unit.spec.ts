import { DomainError } from './coded-error';
import type { Decider } from './decider';
import { deciderSpecification, SpecificationFailedError } from './decider-specification';
import { assertNever } from './exhaustive';

type Command = { type: 'TurnOn'; at: string } | { type: 'TurnOff'; at: string };
type Event = { type: 'SwitchedOn'; data: { at: string } } | { type: 'SwitchedOff'; data: { at: string } };
type State = { status: 'off' } | { status: 'on'; since: string };

const lamp: Decider<Command, Event, State> = {
  initialState: () => ({ status: 'off' }),
  decide(command, state) {
    switch (command.type) {
      case 'TurnOn':
        return state.status === 'on' ? [] : [{ type: 'SwitchedOn', data: { at: command.at } }];
      case 'TurnOff':
        if (state.status === 'off') throw new DomainError('LAMP.ALREADY_OFF', 'The lamp is off');
        return [{ type: 'SwitchedOff', data: { at: command.at } }];
      default:
        return assertNever(command);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'SwitchedOn':
        return { status: 'on', since: event.data.at };
      case 'SwitchedOff':
        return { status: 'off' };
      default:
        return assertNever(event);
    }
  },
};

const spec = deciderSpecification(lamp);
const on = { type: 'SwitchedOn', data: { at: 't1' } } as const;

describe('given / when / then', () => {
  it('passes when the command produces exactly the expected events', () => {
    spec.given([]).when({ type: 'TurnOn', at: 't1' }).then([on]);
    spec
      .given([on])
      .when({ type: 'TurnOff', at: 't2' })
      .then([{ type: 'SwitchedOff', data: { at: 't2' } }]);
  });

  it('passes thenNothingHappens when the command is accepted without events', () => {
    spec.given([on]).when({ type: 'TurnOn', at: 't2' }).thenNothingHappens();
  });

  it('passes thenThrows with the error code, and returns the error', () => {
    const error = spec.given([]).when({ type: 'TurnOff', at: 't1' }).thenThrows('LAMP.ALREADY_OFF');
    expect(error.message).toBe('The lamp is off');
  });

  it('fails, showing both sides, when the events differ', () => {
    const check = () =>
      spec
        .given([])
        .when({ type: 'TurnOn', at: 't1' })
        .then([{ ...on, data: { at: 't9' } }]);
    expect(check).toThrow(SpecificationFailedError);
    expect(check).toThrow(/"at": "t9"[\s\S]*but got:[\s\S]*"at": "t1"/);
  });

  it('fails when events were expected but decide threw, and the other way round', () => {
    expect(() => spec.given([]).when({ type: 'TurnOff', at: 't1' }).then([])).toThrow(/decide threw/);
    expect(() => spec.given([]).when({ type: 'TurnOn', at: 't1' }).thenThrows('LAMP.ALREADY_OFF')).toThrow(
      /Expected the error LAMP.ALREADY_OFF, but got events/,
    );
    expect(() => spec.given([]).when({ type: 'TurnOff', at: 't1' }).thenThrows('LAMP.BROKEN')).toThrow(
      /but decide threw LAMP.ALREADY_OFF/,
    );
    expect(() => spec.given([]).when({ type: 'TurnOn', at: 't1' }).thenNothingHappens()).toThrow(
      SpecificationFailedError,
    );
  });
});
