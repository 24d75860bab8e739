import type { ReadModelCollection } from '../read-model-store.port';
import { member, type TeamMemberDoc } from './contract-fixtures.contract';

/** Team events as a projection sees them: each at its global position. */
export type MemberEvent =
  | {
      readonly type: 'MemberJoined';
      readonly position: number;
      readonly teamId: string;
      readonly userId: string;
      readonly email: string;
      readonly at: string;
    }
  | {
      readonly type: 'MemberRoleChanged';
      readonly position: number;
      readonly teamId: string;
      readonly userId: string;
      readonly role: TeamMemberDoc['role'];
    }
  | {
      readonly type: 'MemberActed';
      readonly position: number;
      readonly teamId: string;
      readonly userId: string;
      readonly at: string;
    }
  | { readonly type: 'MemberRemoved'; readonly position: number; readonly teamId: string; readonly userId: string };

/** A team-members projection written against the port only, as real projections are. */
export async function applyMemberEvent(members: ReadModelCollection<TeamMemberDoc>, event: MemberEvent): Promise<void> {
  const id = `${event.teamId}/${event.userId}`;
  const guard = { version: event.position };
  switch (event.type) {
    case 'MemberJoined': {
      const { teamId, userId, email, at } = event;
      await members.upsert(
        id,
        member({ teamId, userId, email, joinedAt: at, profile: { name: email.split('@')[0] ?? email } }),
        guard,
      );
      return;
    }
    case 'MemberRoleChanged':
      await members.patch(id, { $set: { role: event.role } }, guard);
      return;
    case 'MemberActed':
      await members.patch(id, { $inc: { actions: 1 }, $set: { lastActiveAt: event.at } }, guard);
      return;
    case 'MemberRemoved':
      await members.delete(id, guard);
      return;
  }
}

const joined = (position: number, teamId: string, userId: string, email: string): MemberEvent => ({
  type: 'MemberJoined',
  position,
  teamId,
  userId,
  email,
  at: `2025-03-${String(position).padStart(2, '0')}T10:00:00.000Z`,
});
const acted = (position: number, teamId: string, userId: string): MemberEvent => ({
  type: 'MemberActed',
  position,
  teamId,
  userId,
  at: `2025-04-01T10:00:${String(position).padStart(2, '0')}.000Z`,
});

/** A fixed history: joins, role changes, activity and a removal, with Unicode in it. */
export const memberEvents: readonly MemberEvent[] = [
  joined(1, 'team-a', 'user-1', 'ada@example.com'),
  joined(2, 'team-a', 'user-2', 'grace@example.com'),
  { type: 'MemberRoleChanged', position: 3, teamId: 'team-a', userId: 'user-1', role: 'owner' },
  acted(4, 'team-a', 'user-2'),
  joined(5, 'team-b', 'user-3', 'zoë@例え.jp'),
  acted(6, 'team-a', 'user-2'),
  joined(7, 'team-b', 'user-4', 'ignored@example.com'),
  { type: 'MemberRoleChanged', position: 8, teamId: 'team-b', userId: 'user-3', role: 'admin' },
  { type: 'MemberRemoved', position: 9, teamId: 'team-b', userId: 'user-4' },
  acted(10, 'team-b', 'user-3'),
  joined(11, 'team-a', 'user-😀', 'emoji@example.com'),
];

/**
 * sha256 of the members read model after memberEvents, on every adapter (hashReadModel).
 * A change of this value means the canonical form of stored documents changed.
 */
export const MEMBER_EVENTS_HASH = '91b6a391a0bda024362bffaba93ed7677ca4a62d087430f21be5e871b116be66';
