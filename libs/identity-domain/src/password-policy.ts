/*
 * What makes a password acceptable (NIST SP 800-63B): 8 to 128 characters, not one of the
 * passwords attackers try first, and no composition rules. Any character counts, spaces and
 * emoji included; length is counted in Unicode code points.
 */

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** The passwords attackers try first, looked up lower-cased. */
export interface CommonPasswords {
  has(lowerCasedPassword: string): boolean;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

const EXPLANATIONS: Readonly<Record<PasswordProblem, string>> = {
  too_short: `must have at least ${MIN_PASSWORD_LENGTH} characters`,
  too_long: `must have at most ${MAX_PASSWORD_LENGTH} characters`,
  too_common: 'is one of the most common passwords; choose another',
};

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, common: CommonPasswords): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (common.has(password.toLowerCase())) return 'too_common';
  return null;
}

/** A sentence a person can act on, e.g. "must have at least 8 characters" (after "password"). */
export const explainPasswordProblem = (problem: PasswordProblem): string => EXPLANATIONS[problem];
