import { deciderSpecification } from '@portal/event-sourcing/domain';
import { teamDecider } from './team.decider';
import type { InviteMember } from './team.commands';
import { accepted, IN_A_WEEK, invited, LATER, NOW, TEAM, teamOfThree } from './team.fixtures';

const spec = deciderSpecification(teamDecider);

const invite = (actorId: string, email: string, role: InviteMember['role'] = 'member'): InviteMember => ({
  type: 'InviteMember',
  actorId,
  now: NOW,
  invitationId: 'inv-new',
  email,
  role,
  message: 'Welcome aboard',
  tokenHash: 'hash-inv-new',
  expiresAt: IN_A_WEEK,
});

const memberInvited = (email: string, role: InviteMember['role'], by: string) => ({
  type: 'MemberInvited' as const,
  data: {
    teamId: TEAM,
    invitationId: 'inv-new',
    email,
    role,
    message: 'Welcome aboard',
    invitedBy: by,
    tokenHash: 'hash-inv-new',
    invitedAt: NOW,
    expiresAt: IN_A_WEEK,
  },
});

describe('inviting', () => {
  it('an Admin invites a Member or an Admin', () => {
    spec
      .given(teamOfThree())
      .when(invite('admin-1', 'dev@acme.test'))
      .then([memberInvited('dev@acme.test', 'member', 'admin-1')]);
    spec
      .given(teamOfThree())
      .when(invite('admin-1', 'ops@acme.test', 'admin'))
      .then([memberInvited('ops@acme.test', 'admin', 'admin-1')]);
  });

  it('only an Owner invites an Owner', () => {
    spec
      .given(teamOfThree())
      .when(invite('admin-1', 'boss@acme.test', 'owner'))
      .thenThrows('TEAM.FORBIDDEN');
    spec
      .given(teamOfThree())
      .when(invite('owner-1', 'boss@acme.test', 'owner'))
      .then([memberInvited('boss@acme.test', 'owner', 'owner-1')]);
  });

  it('a Member cannot invite; a stranger is told the team does not exist', () => {
    spec.given(teamOfThree()).when(invite('member-1', 'dev@acme.test')).thenThrows('TEAM.FORBIDDEN');
    spec.given(teamOfThree()).when(invite('stranger', 'dev@acme.test')).thenThrows('TEAM.NOT_FOUND');
  });

  it('a member of the team cannot be invited again (email compared case-insensitively)', () => {
    spec.given(teamOfThree()).when(invite('owner-1', ' Member-1@ACME.test ')).thenThrows('TEAM.ALREADY_MEMBER');
  });

  it('a new invitation to the same email replaces the pending one', () => {
    spec
      .given([...teamOfThree(), invited('inv-old', 'dev@acme.test')])
      .when(invite('admin-1', 'DEV@acme.test'))
      .then([
        {
          type: 'InvitationRevoked',
          data: { teamId: TEAM, invitationId: 'inv-old', revokedBy: 'admin-1', reason: 'replaced', revokedAt: NOW },
        },
        memberInvited('DEV@acme.test', 'member', 'admin-1'),
      ]);
  });
});

describe('re-sending and revoking', () => {
  const pending = [...teamOfThree(), invited('inv-1', 'dev@acme.test')];

  it('re-sending issues a new token and expiry', () => {
    spec
      .given(pending)
      .when({
        type: 'ResendInvitation',
        actorId: 'admin-1',
        now: LATER,
        invitationId: 'inv-1',
        tokenHash: 'hash-2',
        expiresAt: '2026-12-02T10:00:00.000Z',
      })
      .then([
        {
          type: 'InvitationResent',
          data: {
            teamId: TEAM,
            invitationId: 'inv-1',
            resentBy: 'admin-1',
            tokenHash: 'hash-2',
            resentAt: LATER,
            expiresAt: '2026-12-02T10:00:00.000Z',
          },
        },
      ]);
  });

  it('a Member can neither re-send nor revoke', () => {
    spec
      .given(pending)
      .when({
        type: 'ResendInvitation',
        actorId: 'member-1',
        now: LATER,
        invitationId: 'inv-1',
        tokenHash: 'h',
        expiresAt: IN_A_WEEK,
      })
      .thenThrows('TEAM.FORBIDDEN');
    spec
      .given(pending)
      .when({ type: 'RevokeInvitation', actorId: 'member-1', now: LATER, invitationId: 'inv-1' })
      .thenThrows('TEAM.FORBIDDEN');
  });

  it('revoking a pending invitation', () => {
    spec
      .given(pending)
      .when({ type: 'RevokeInvitation', actorId: 'owner-1', now: LATER, invitationId: 'inv-1' })
      .then([
        {
          type: 'InvitationRevoked',
          data: { teamId: TEAM, invitationId: 'inv-1', revokedBy: 'owner-1', reason: 'revoked', revokedAt: LATER },
        },
      ]);
  });

  it('a used or revoked invitation can be neither re-sent nor revoked', () => {
    const used = [...pending, accepted('inv-1', 'dev-1')];
    spec
      .given(used)
      .when({ type: 'RevokeInvitation', actorId: 'owner-1', now: LATER, invitationId: 'inv-1' })
      .thenThrows('TEAM.INVITATION_USED');
    const revoked = [
      ...pending,
      {
        type: 'InvitationRevoked' as const,
        data: { teamId: TEAM, invitationId: 'inv-1', revokedBy: 'owner-1', reason: 'revoked' as const, revokedAt: NOW },
      },
    ];
    spec
      .given(revoked)
      .when({
        type: 'ResendInvitation',
        actorId: 'owner-1',
        now: LATER,
        invitationId: 'inv-1',
        tokenHash: 'h',
        expiresAt: IN_A_WEEK,
      })
      .thenThrows('TEAM.INVITATION_REVOKED');
  });
});

describe('accepting', () => {
  const pending = [...teamOfThree(), invited('inv-1', 'Dev@acme.test', 'admin')];
  const accept = (overrides: Partial<{ actorId: string; actorEmail: string; tokenHash: string; now: string }> = {}) =>
    ({
      type: 'AcceptInvitation',
      invitationId: 'inv-1',
      actorId: 'dev-1',
      actorEmail: 'dev@acme.test',
      tokenHash: 'hash-inv-1',
      now: LATER,
      ...overrides,
    }) as const;

  it('makes the invitee a member with the granted role', () => {
    spec
      .given(pending)
      .when(accept())
      .then([
        {
          type: 'InvitationAccepted',
          data: {
            teamId: TEAM,
            invitationId: 'inv-1',
            userId: 'dev-1',
            email: 'Dev@acme.test',
            role: 'admin',
            acceptedAt: LATER,
          },
        },
      ]);
  });

  it('is single use', () => {
    spec
      .given([...pending, accepted('inv-1', 'dev-1', 'admin')])
      .when(accept({ actorId: 'dev-2' }))
      .thenThrows('TEAM.INVITATION_USED');
  });

  it('expires', () => {
    spec
      .given(pending)
      .when(accept({ now: IN_A_WEEK }))
      .thenThrows('TEAM.INVITATION_EXPIRED');
  });

  it('a re-sent invitation invalidates the earlier link', () => {
    const resent = [
      ...pending,
      {
        type: 'InvitationResent' as const,
        data: {
          teamId: TEAM,
          invitationId: 'inv-1',
          resentBy: 'owner-1',
          tokenHash: 'hash-new',
          resentAt: NOW,
          expiresAt: IN_A_WEEK,
        },
      },
    ];
    spec.given(resent).when(accept()).thenThrows('TEAM.INVITATION_NOT_FOUND');
    spec
      .given(resent)
      .when(accept({ tokenHash: 'hash-new' }))
      .then([
        {
          type: 'InvitationAccepted',
          data: {
            teamId: TEAM,
            invitationId: 'inv-1',
            userId: 'dev-1',
            email: 'Dev@acme.test',
            role: 'admin',
            acceptedAt: LATER,
          },
        },
      ]);
  });

  it('a revoked or replaced invitation cannot be accepted', () => {
    spec
      .given([
        ...pending,
        {
          type: 'InvitationRevoked',
          data: { teamId: TEAM, invitationId: 'inv-1', revokedBy: 'owner-1', reason: 'replaced', revokedAt: NOW },
        },
      ])
      .when(accept())
      .thenThrows('TEAM.INVITATION_REVOKED');
  });

  it('needs the invited email', () => {
    spec
      .given(pending)
      .when(accept({ actorEmail: 'someone-else@acme.test' }))
      .thenThrows('TEAM.INVITATION_FOR_OTHER_EMAIL');
  });

  it('an unknown invitation or team is not found', () => {
    spec
      .given(pending)
      .when({ ...accept(), invitationId: 'nope' })
      .thenThrows('TEAM.INVITATION_NOT_FOUND');
    spec.given([]).when(accept()).thenThrows('TEAM.INVITATION_NOT_FOUND');
  });
});
