import { deciderSpecification } from '@portal/event-sourcing/domain';
import { teamDecider } from './team.decider';
import { created, joined, NOW, TEAM, teamOfThree } from './team.fixtures';

const spec = deciderSpecification(teamDecider);
const act = { now: NOW };

describe('creating a team', () => {
  it('makes the creator its Owner', () => {
    spec
      .given([])
      .when({
        type: 'CreateTeam',
        teamId: TEAM,
        name: ' Acme ',
        description: 'Payments',
        actorId: 'owner-1',
        actorEmail: 'owner-1@acme.test',
        ...act,
      })
      .then([created()]);
  });

  it('cannot create the same team twice', () => {
    spec
      .given([created()])
      .when({
        type: 'CreateTeam',
        teamId: TEAM,
        name: 'Acme',
        description: '',
        actorId: 'x',
        actorEmail: 'x@acme.test',
        ...act,
      })
      .thenThrows('TEAM.ALREADY_EXISTS');
  });
});

describe('updating a team', () => {
  it('Owners and Admins rename it', () => {
    spec
      .given(teamOfThree())
      .when({ type: 'UpdateTeam', name: 'Acme Pay', actorId: 'admin-1', ...act })
      .then([
        {
          type: 'TeamUpdated',
          data: { teamId: TEAM, name: 'Acme Pay', description: 'Payments', updatedBy: 'admin-1' },
        },
      ]);
  });

  it('a Member cannot, and the same values change nothing', () => {
    spec
      .given(teamOfThree())
      .when({ type: 'UpdateTeam', name: 'X', actorId: 'member-1', ...act })
      .thenThrows('TEAM.FORBIDDEN');
    spec
      .given(teamOfThree())
      .when({ type: 'UpdateTeam', name: 'Acme', actorId: 'owner-1', ...act })
      .thenNothingHappens();
  });

  it('someone outside the team is told it does not exist', () => {
    spec
      .given(teamOfThree())
      .when({ type: 'UpdateTeam', name: 'X', actorId: 'stranger', ...act })
      .thenThrows('TEAM.NOT_FOUND');
    spec
      .given([])
      .when({ type: 'UpdateTeam', name: 'X', actorId: 'owner-1', ...act })
      .thenThrows('TEAM.NOT_FOUND');
  });
});

describe('changing roles', () => {
  const change = (actorId: string, userId: string, role: 'owner' | 'admin' | 'member') =>
    ({ type: 'ChangeMemberRole', actorId, userId, role, ...act }) as const;

  it('an Admin promotes a Member to Admin', () => {
    spec
      .given(teamOfThree())
      .when(change('admin-1', 'member-1', 'admin'))
      .then([
        {
          type: 'MemberRoleChanged',
          data: { teamId: TEAM, userId: 'member-1', from: 'member', to: 'admin', changedBy: 'admin-1' },
        },
      ]);
  });

  it('only an Owner grants Owner', () => {
    spec
      .given(teamOfThree())
      .when(change('admin-1', 'member-1', 'owner'))
      .thenThrows('TEAM.FORBIDDEN');
    spec
      .given(teamOfThree())
      .when(change('owner-1', 'member-1', 'owner'))
      .then([
        {
          type: 'MemberRoleChanged',
          data: { teamId: TEAM, userId: 'member-1', from: 'member', to: 'owner', changedBy: 'owner-1' },
        },
      ]);
  });

  it('an Admin cannot touch an Owner', () => {
    spec
      .given(teamOfThree())
      .when(change('admin-1', 'owner-1', 'member'))
      .thenThrows('TEAM.FORBIDDEN');
  });

  it('a Member changes no roles, not even their own', () => {
    spec
      .given(teamOfThree())
      .when(change('member-1', 'member-1', 'admin'))
      .thenThrows('TEAM.FORBIDDEN');
  });

  it('the last Owner cannot be demoted, not even by themselves', () => {
    spec
      .given(teamOfThree())
      .when(change('owner-1', 'owner-1', 'admin'))
      .thenThrows('TEAM.LAST_OWNER');
  });

  it('an Owner may step down when another Owner remains', () => {
    spec
      .given([...teamOfThree(), ...joined('owner-2', 'owner')])
      .when(change('owner-1', 'owner-1', 'admin'))
      .then([
        {
          type: 'MemberRoleChanged',
          data: { teamId: TEAM, userId: 'owner-1', from: 'owner', to: 'admin', changedBy: 'owner-1' },
        },
      ]);
  });

  it('the same role changes nothing; an unknown member is an error', () => {
    spec
      .given(teamOfThree())
      .when(change('owner-1', 'member-1', 'member'))
      .thenNothingHappens();
    spec
      .given(teamOfThree())
      .when(change('owner-1', 'ghost', 'admin'))
      .thenThrows('TEAM.MEMBER_NOT_FOUND');
  });
});

describe('removing members and leaving', () => {
  const remove = (actorId: string, userId: string) => ({ type: 'RemoveMember', actorId, userId, ...act }) as const;

  it('an Admin removes a Member', () => {
    spec
      .given(teamOfThree())
      .when(remove('admin-1', 'member-1'))
      .then([
        { type: 'MemberRemoved', data: { teamId: TEAM, userId: 'member-1', role: 'member', removedBy: 'admin-1' } },
      ]);
  });

  it('an Admin cannot remove an Owner; a Member removes nobody', () => {
    spec.given(teamOfThree()).when(remove('admin-1', 'owner-1')).thenThrows('TEAM.FORBIDDEN');
    spec.given(teamOfThree()).when(remove('member-1', 'admin-1')).thenThrows('TEAM.FORBIDDEN');
  });

  it('an Owner removes another Owner, but never the last one', () => {
    const twoOwners = [...teamOfThree(), ...joined('owner-2', 'owner')];
    spec
      .given(twoOwners)
      .when(remove('owner-1', 'owner-2'))
      .then([
        { type: 'MemberRemoved', data: { teamId: TEAM, userId: 'owner-2', role: 'owner', removedBy: 'owner-1' } },
      ]);
    spec
      .given([
        ...twoOwners,
        { type: 'MemberRemoved', data: { teamId: TEAM, userId: 'owner-2', role: 'owner', removedBy: 'owner-1' } },
      ])
      .when(remove('owner-1', 'owner-2'))
      .thenThrows('TEAM.MEMBER_NOT_FOUND');
  });

  it('removing yourself is leaving', () => {
    spec.given(teamOfThree()).when(remove('admin-1', 'admin-1')).thenThrows('TEAM.USE_LEAVE');
  });

  it('anyone but the last Owner may leave', () => {
    spec
      .given(teamOfThree())
      .when({ type: 'LeaveTeam', actorId: 'member-1', ...act })
      .then([{ type: 'MemberLeft', data: { teamId: TEAM, userId: 'member-1', role: 'member' } }]);
    spec
      .given(teamOfThree())
      .when({ type: 'LeaveTeam', actorId: 'owner-1', ...act })
      .thenThrows('TEAM.LAST_OWNER');
  });

  it('a member who left is no longer in the team', () => {
    spec
      .given([...teamOfThree(), { type: 'MemberLeft', data: { teamId: TEAM, userId: 'admin-1', role: 'admin' } }])
      .when({ type: 'UpdateTeam', name: 'X', actorId: 'admin-1', ...act })
      .thenThrows('TEAM.NOT_FOUND');
  });
});

describe('transferring ownership', () => {
  const transfer = (actorId: string, userId: string) =>
    ({ type: 'TransferOwnership', actorId, userId, ...act }) as const;

  it('the Owner hands over and stays as an Admin', () => {
    spec
      .given(teamOfThree())
      .when(transfer('owner-1', 'member-1'))
      .then([
        {
          type: 'OwnershipTransferred',
          data: { teamId: TEAM, from: 'owner-1', to: 'member-1', previousRole: 'member' },
        },
      ]);
    spec
      .given([
        ...teamOfThree(),
        {
          type: 'OwnershipTransferred',
          data: { teamId: TEAM, from: 'owner-1', to: 'member-1', previousRole: 'member' },
        },
      ])
      .when({ type: 'ChangeMemberRole', actorId: 'owner-1', userId: 'admin-1', role: 'member', ...act })
      .then([
        {
          type: 'MemberRoleChanged',
          data: { teamId: TEAM, userId: 'admin-1', from: 'admin', to: 'member', changedBy: 'owner-1' },
        },
      ]);
  });

  it('after a transfer the former Owner is an Admin and cannot touch the new Owner', () => {
    spec
      .given([
        ...teamOfThree(),
        {
          type: 'OwnershipTransferred',
          data: { teamId: TEAM, from: 'owner-1', to: 'member-1', previousRole: 'member' },
        },
      ])
      .when({ type: 'RemoveMember', actorId: 'owner-1', userId: 'member-1', ...act })
      .thenThrows('TEAM.FORBIDDEN');
  });

  it('only an Owner transfers, and only to a member', () => {
    spec.given(teamOfThree()).when(transfer('admin-1', 'member-1')).thenThrows('TEAM.FORBIDDEN');
    spec.given(teamOfThree()).when(transfer('owner-1', 'ghost')).thenThrows('TEAM.MEMBER_NOT_FOUND');
  });
});
