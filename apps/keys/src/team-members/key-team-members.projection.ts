import type { RecordedEvent } from '@portal/event-sourcing';
import { assertNever } from '@portal/event-sourcing/domain';
import type { Projection } from '@portal/event-pipeline';
import { TOPICS } from '@portal/messaging';
import type { ReadModelStore } from '@portal/read-models';
import type { TeamEvent } from '@portal/teams-domain';
import { keyTeamMemberId, keyTeamMembersReadModel, keyTeamsReadModel } from './key-team-members.read-models';

type Stores = Awaited<ReturnType<typeof collections>>;

async function collections(store: ReadModelStore) {
  return {
    teams: await store.collection(keyTeamsReadModel),
    members: await store.collection(keyTeamMembersReadModel),
  };
}

/** Each write carries the event's global position, so a redelivered event changes nothing. */
async function applyTeamEvent(stores: Stores, event: TeamEvent, version: number): Promise<void> {
  const at = { version };
  const setRole = (teamId: string, userId: string, role: 'owner' | 'admin' | 'member' | null) =>
    stores.members.patch(keyTeamMemberId(teamId, userId), { $set: { role } }, at);
  switch (event.type) {
    case 'TeamCreated': {
      const { teamId, name, ownerId, ownerEmail } = event.data;
      await stores.teams.upsert(teamId, { teamId, name }, at);
      await stores.members.upsert(
        keyTeamMemberId(teamId, ownerId),
        { teamId, userId: ownerId, email: ownerEmail, role: 'owner' },
        at,
      );
      return;
    }
    case 'TeamUpdated':
      await stores.teams.patch(event.data.teamId, { $set: { name: event.data.name } }, at);
      return;
    case 'InvitationAccepted': {
      const { teamId, userId, email, role } = event.data;
      await stores.members.upsert(keyTeamMemberId(teamId, userId), { teamId, userId, email, role }, at);
      return;
    }
    case 'MemberRoleChanged':
      await setRole(event.data.teamId, event.data.userId, event.data.to);
      return;
    case 'MemberRemoved':
    case 'MemberLeft':
      await setRole(event.data.teamId, event.data.userId, null);
      return;
    case 'OwnershipTransferred':
      await setRole(event.data.teamId, event.data.from, 'admin');
      await setRole(event.data.teamId, event.data.to, 'owner');
      return;
    case 'MemberInvited':
    case 'InvitationResent':
    case 'InvitationRevoked':
      return;
    default:
      assertNever(event, 'team event');
  }
}

const TEAM_EVENT_TYPES = new Set<string>([
  'TeamCreated',
  'TeamUpdated',
  'InvitationAccepted',
  'MemberRoleChanged',
  'MemberRemoved',
  'MemberLeft',
  'OwnershipTransferred',
] satisfies TeamEvent['type'][]);

/** The keys service's own view of the teams: members with their roles, and team names. */
export const keyTeamMembersProjection: Projection = {
  name: 'key-team-members',
  topics: [TOPICS.teamsEvents],
  readModels: [keyTeamsReadModel, keyTeamMembersReadModel],
  async apply(event: RecordedEvent, store: ReadModelStore): Promise<void> {
    if (!TEAM_EVENT_TYPES.has(event.type)) return;
    await applyTeamEvent(await collections(store), event as unknown as TeamEvent, event.globalPosition);
  },
};
