import type { RecordedEvent } from '@portal/event-sourcing';
import { EmbeddedReadModelStore, hashReadModel } from '@portal/read-models';
import type { TeamEvent } from '@portal/teams-domain';
import { TEAM, invited, joined, teamOfThree } from '../../../../libs/teams-domain/src/team.fixtures';
import { teamOverviewProjection } from './team-overview.projection';
import { teamInvitationsReadModel, teamMembersReadModel, teamsReadModel } from './team-overview.read-models';

/** The team's events as the store would record them, positions from 1. */
const recorded = (events: readonly TeamEvent[]): RecordedEvent[] =>
  events.map((event, index) => ({
    id: `event-${index + 1}`,
    type: event.type,
    schemaVersion: 1,
    streamId: `team-${TEAM}`,
    streamRevision: index,
    globalPosition: index + 1,
    recordedAt: '2026-11-20T10:00:00.000Z',
    data: event.data,
    metadata: {
      actorId: 'owner-1',
      actorKind: 'user',
      teamId: TEAM,
      correlationId: 'c',
      causationId: null,
      sourceIp: null,
      userAgent: null,
    },
  }));

describe('team overview projection', () => {
  let store: EmbeddedReadModelStore;

  beforeEach(() => {
    store = EmbeddedReadModelStore.open({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const apply = async (events: readonly RecordedEvent[]) => {
    for (const event of events) await teamOverviewProjection.apply(event, store);
  };
  const members = async () =>
    (await (await store.collection(teamMembersReadModel)).find({ teamId: TEAM }, { sort: { joinedAt: 1 } })).map(
      ({ userId, role }) => `${userId}:${role}`,
    );
  const team = async () => (await store.collection(teamsReadModel)).get(TEAM);
  const hashes = (of: EmbeddedReadModelStore = store) =>
    Promise.all(teamOverviewProjection.readModels.map(async (model) => hashReadModel(await of.collection(model))));

  it('lists the members with their roles, the member count and the accepted invitations', async () => {
    await apply(recorded(teamOfThree()));
    expect((await members()).sort()).toEqual(['admin-1:admin', 'member-1:member', 'owner-1:owner']);
    expect(await team()).toEqual(expect.objectContaining({ name: 'Acme', memberCount: 3 }));
    const invitations = await (await store.collection(teamInvitationsReadModel)).find({ teamId: TEAM });
    expect(invitations.map((i) => i.status)).toEqual(['accepted', 'accepted']);
  });

  it('follows role changes, transfers, removals and revoked invitations', async () => {
    await apply(
      recorded([
        ...teamOfThree(),
        { type: 'OwnershipTransferred', data: { teamId: TEAM, from: 'owner-1', to: 'admin-1', previousRole: 'admin' } },
        { type: 'MemberRemoved', data: { teamId: TEAM, userId: 'member-1', role: 'member', removedBy: 'admin-1' } },
        invited('inv-9', 'late@acme.test'),
        {
          type: 'InvitationRevoked',
          data: {
            teamId: TEAM,
            invitationId: 'inv-9',
            revokedBy: 'admin-1',
            reason: 'revoked',
            revokedAt: '2026-11-21T00:00:00.000Z',
          },
        },
      ]),
    );
    expect((await members()).sort()).toEqual(['admin-1:owner', 'owner-1:admin']);
    expect((await team())?.memberCount).toBe(2);
    expect((await (await store.collection(teamInvitationsReadModel)).get('inv-9'))?.status).toBe('revoked');
  });

  it('changes nothing when events are delivered twice, or the history again from the start', async () => {
    const history = recorded([
      ...teamOfThree(),
      ...joined('dev-1', 'member'),
      { type: 'MemberLeft', data: { teamId: TEAM, userId: 'dev-1', role: 'member' } },
    ]);
    await apply(history);
    const once = await hashes();

    const fresh = EmbeddedReadModelStore.open({ path: ':memory:' });
    for (const event of history) {
      await teamOverviewProjection.apply(event, fresh);
      await teamOverviewProjection.apply(event, fresh);
    }
    await apply(history);
    const twice = await hashes(fresh);
    await fresh.close();
    expect(twice).toEqual(once);
    expect(await hashes()).toEqual(once);
    expect((await team())?.memberCount).toBe(3);
  });
});
