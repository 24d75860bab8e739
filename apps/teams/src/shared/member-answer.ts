import { DomainError } from '@portal/event-sourcing';
import { type ActiveTeam, TeamErrorCode, type TeamRole } from '@portal/teams-domain';

/** A member's role after a change. */
export interface MemberAnswer {
  readonly userId: string;
  readonly email: string;
  readonly role: TeamRole;
}

export function memberAnswer(team: ActiveTeam, userId: string): MemberAnswer {
  const member = team.members.get(userId);
  if (member === undefined) throw new DomainError(TeamErrorCode.MEMBER_NOT_FOUND, 'No such member in this team');
  return { userId, email: member.email, role: member.role };
}
