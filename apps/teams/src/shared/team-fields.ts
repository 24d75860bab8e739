import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TEAM_ROLES } from '@portal/teams-domain';

/** The limits of what people type about a team and its invitations. */
export const TEAM_LIMITS = { name: 100, description: 500, message: 500, email: 254 } as const;

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A team's name: 1-100 characters once trimmed. */
export const TeamName = (): PropertyDecorator => (target, key) => {
  Transform(trimmed)(target, key);
  MaxLength(TEAM_LIMITS.name)(target, key);
  IsNotEmpty()(target, key);
  IsString()(target, key);
};

/** A team's description: up to 500 characters once trimmed, empty allowed. */
export const TeamDescription = (): PropertyDecorator => (target, key) => {
  Transform(trimmed)(target, key);
  MaxLength(TEAM_LIMITS.description)(target, key);
  IsString()(target, key);
};

/** An email address, trimmed. */
export const Email = (): PropertyDecorator => (target, key) => {
  Transform(trimmed)(target, key);
  IsEmail({}, { message: `${String(key)} must be an email address` })(target, key);
  MaxLength(TEAM_LIMITS.email)(target, key);
  IsString()(target, key);
};

/** One of the team roles: owner, admin or member. */
export const Role = (): PropertyDecorator => (target, key) => {
  IsIn(TEAM_ROLES, { message: `${String(key)} must be one of ${TEAM_ROLES.join(', ')}` })(target, key);
};
