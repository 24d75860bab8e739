import type { RecordedEvent } from '@portal/event-sourcing';
import { assertNever } from '@portal/event-sourcing/domain';
import type { Projection } from '@portal/event-pipeline';
import { TOPICS } from '@portal/messaging';
import type { ReadModelStore } from '@portal/read-models';
import type { TeamEvent } from '@portal/teams-domain';
import {
  memberDocId,
  teamInvitationsReadModel,
  teamMembersReadModel,
  teamsReadModel,
} from './team-overview.read-models';

type Stores = Awaited<ReturnType<typeof collections>>;

async function collections(store: ReadModelStore) {
  return {
    teams: await store.collection(teamsReadModel),
    members: await store.collection(teamMembersReadModel),
    invitations: await store.collection(teamInvitationsReadModel),
  };
}

/*
 * Each write is guarded by the event's position on its own document, so that re-applying an
 * event (after a crash between two writes, say) completes what is missing and repeats nothing.
 */
async function join(
  stores: Stores,
  version: number,
  member: Parameters<Stores['members']['upsert']>[1],
): Promise<void> {
  await stores.members.upsert(memberDocId(member.teamId, member.userId), member, { version });
  await stores.teams.patch(member.teamId, { $inc: { memberCount: 1 } }, { version });
}

async function leave(stores: Stores, version: number, teamId: string, userId: string): Promise<void> {
  await stores.members.delete(memberDocId(teamId, userId), { version });
  await stores.teams.patch(teamId, { $inc: { memberCount: -1 } }, { version });
}

async function applyTeamEvent(stores: Stores, event: TeamEvent, version: number): Promise<void> {
  const at = { version };
  switch (event.type) {
    case 'TeamCreated': {
      const { teamId, name, description, createdAt, ownerId, ownerEmail } = event.data;
      await stores.teams.upsert(teamId, { teamId, name, description, createdAt, memberCount: 1 }, at);
      const owner = { teamId, userId: ownerId, email: ownerEmail, role: 'owner' as const, joinedAt: createdAt };
      await stores.members.upsert(memberDocId(teamId, ownerId), owner, at);
      return;
    }
    case 'TeamUpdated':
      await stores.teams.patch(
        event.data.teamId,
        { $set: { name: event.data.name, description: event.data.description } },
        at,
      );
      return;
    case 'MemberInvited': {
      const { teamId, invitationId, email, role, invitedBy, invitedAt, expiresAt, tokenHash } = event.data;
      const invitation = { teamId, invitationId, email, role, invitedBy, invitedAt, expiresAt, tokenHash };
      await stores.invitations.upsert(invitationId, { ...invitation, status: 'pending' }, at);
      return;
    }
    case 'InvitationResent': {
      const { invitationId, tokenHash, expiresAt } = event.data;
      await stores.invitations.patch(invitationId, { $set: { tokenHash, expiresAt } }, at);
      return;
    }
    case 'InvitationRevoked':
      await stores.invitations.patch(event.data.invitationId, { $set: { status: 'revoked' } }, at);
      return;
    case 'InvitationAccepted': {
      const { teamId, invitationId, userId, email, role, acceptedAt } = event.data;
      await stores.invitations.patch(invitationId, { $set: { status: 'accepted' } }, at);
      return join(stores, version, { teamId, userId, email, role, joinedAt: acceptedAt });
    }
    case 'MemberRoleChanged':
      await stores.members.patch(
        memberDocId(event.data.teamId, event.data.userId),
        { $set: { role: event.data.to } },
        at,
      );
      return;
    case 'MemberRemoved':
    case 'MemberLeft':
      return leave(stores, version, event.data.teamId, event.data.userId);
    case 'OwnershipTransferred': {
      const { teamId, from, to } = event.data;
      await stores.members.patch(memberDocId(teamId, from), { $set: { role: 'admin' } }, at);
      await stores.members.patch(memberDocId(teamId, to), { $set: { role: 'owner' } }, at);
      return;
    }
    default:
      assertNever(event, 'team event');
  }
}

const TEAM_EVENT_TYPES = new Set<string>([
  'TeamCreated',
  'TeamUpdated',
  'MemberInvited',
  'InvitationResent',
  'InvitationRevoked',
  'InvitationAccepted',
  'MemberRoleChanged',
  'MemberRemoved',
  'MemberLeft',
  'OwnershipTransferred',
] satisfies TeamEvent['type'][]);

/** The team overview: teams, their members with role and join date, and invitations. */
export const teamOverviewProjection: Projection = {
  name: 'team-overview',
  topics: [TOPICS.teamsEvents],
  readModels: [teamsReadModel, teamMembersReadModel, teamInvitationsReadModel],
  async apply(event: RecordedEvent, store: ReadModelStore): Promise<void> {
    if (!TEAM_EVENT_TYPES.has(event.type)) return;
    await applyTeamEvent(await collections(store), event as unknown as TeamEvent, event.globalPosition);
  },
};
