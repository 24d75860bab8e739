import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventMetadata, type EventStore, handleCommand } from '@portal/event-sourcing';
import { type ActiveTeam, type TeamCommand, teamDecider, teamStreams } from '@portal/teams-domain';
import { TeamsClock } from './teams-clock';

/** A team command without what the runner supplies: the time. */
export type TeamCommandInput = TeamCommand extends infer C ? (C extends unknown ? Omit<C, 'now'> : never) : never;

/**
 * Runs one command against a team's stream (`team-<teamId>`): load, decide, append with the
 * expected revision (handleCommand retries on a concurrent write). The command gets `now`
 * from the service clock. Answers the team's state after the command.
 */
@Injectable()
export class TeamCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: TeamsClock,
  ) {}

  async run(teamId: string, input: TeamCommandInput, metadata: EventMetadata): Promise<ActiveTeam> {
    const command = { ...input, now: this.clock.now().toISOString() } as TeamCommand;
    const { state } = await handleCommand({
      store: this.store,
      streamName: teamStreams.streamName(teamId),
      decider: teamDecider,
      command,
      metadata,
    });
    if (state.status !== 'active') throw new Error(`team ${teamId} is not active after ${command.type}`);
    return state;
  }
}
