import { explainPasswordProblem, passwordProblem, type CommonPasswords } from './password-policy';

const common: CommonPasswords = new Set(['password', 'iloveyou1']);

describe('the password policy', () => {
  it('accepts 8 to 128 characters with no composition rules', () => {
    expect(passwordProblem('abcdefgh', common)).toBeNull();
    expect(passwordProblem('correct horse battery staple', common)).toBeNull();
    expect(passwordProblem('x'.repeat(128), common)).toBeNull();
  });

  it('refuses fewer than 8 or more than 128 characters', () => {
    expect(passwordProblem('abcdefg', common)).toBe('too_short');
    expect(passwordProblem('', common)).toBe('too_short');
    expect(passwordProblem('x'.repeat(129), common)).toBe('too_long');
  });

  it('counts code points, so 8 emoji are 8 characters and 129 are too many', () => {
    expect(passwordProblem('🔑'.repeat(8), common)).toBeNull();
    expect(passwordProblem('🔑'.repeat(4), common)).toBe('too_short');
    expect(passwordProblem('🔑'.repeat(129), common)).toBe('too_long');
  });

  it('refuses a common password whatever its case', () => {
    expect(passwordProblem('password', common)).toBe('too_common');
    expect(passwordProblem('PassWord', common)).toBe('too_common');
    expect(passwordProblem('ILoveYou1', common)).toBe('too_common');
  });

  it('explains each problem in words a person can act on', () => {
    expect(explainPasswordProblem('too_short')).toBe('must have at least 8 characters');
    expect(explainPasswordProblem('too_common')).toMatch(/common/);
  });
});
