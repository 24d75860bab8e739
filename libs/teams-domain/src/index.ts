export type * from './team.commands';
export { TeamErrorCode } from './team.errors';
export type * from './team.events';
export { teamDecider, teamStreams } from './team.decider';
export { TEAM_ROLES, isManager, type TeamRole } from './team-role';
export { ownerCount, sameEmail, type ActiveTeam, type Invitation, type Member, type TeamState } from './team.state';
