import { DomainError } from '@portal/event-sourcing/domain';

/** The stable codes of the team rules; the HTTP edge maps them to statuses. */
export const TeamErrorCode = {
  /** No such team, or the actor is not in it: both answer the same, so nothing leaks. */
  NOT_FOUND: 'TEAM.NOT_FOUND',
  ALREADY_EXISTS: 'TEAM.ALREADY_EXISTS',
  FORBIDDEN: 'TEAM.FORBIDDEN',
  LAST_OWNER: 'TEAM.LAST_OWNER',
  MEMBER_NOT_FOUND: 'TEAM.MEMBER_NOT_FOUND',
  ALREADY_MEMBER: 'TEAM.ALREADY_MEMBER',
  INVITATION_NOT_FOUND: 'TEAM.INVITATION_NOT_FOUND',
  INVITATION_EXPIRED: 'TEAM.INVITATION_EXPIRED',
  INVITATION_USED: 'TEAM.INVITATION_USED',
  INVITATION_REVOKED: 'TEAM.INVITATION_REVOKED',
  INVITATION_FOR_OTHER_EMAIL: 'TEAM.INVITATION_FOR_OTHER_EMAIL',
  USE_LEAVE: 'TEAM.USE_LEAVE',
} as const;

export type TeamErrorCode = (typeof TeamErrorCode)[keyof typeof TeamErrorCode];

export const teamError = (code: TeamErrorCode, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError(code, message, details);
