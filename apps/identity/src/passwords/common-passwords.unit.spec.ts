import { passwordProblem } from '@portal/identity-domain';
import { commonPasswords } from './common-passwords';

describe('the common-password list', () => {
  it('holds the passwords attackers try first, tens of thousands of them', () => {
    const list = commonPasswords();
    expect(list.has('password')).toBe(true);
    expect(list.has('iloveyou')).toBe(true);
    expect(list.has('correct horse battery staple')).toBe(false);
  });

  it('makes the policy refuse a common password of acceptable length, whatever its case', () => {
    expect(passwordProblem('Password1', commonPasswords())).toBe('too_common');
    expect(passwordProblem('Baseball', commonPasswords())).toBe('too_common');
    expect(passwordProblem('tangerine kayak 42', commonPasswords())).toBeNull();
  });

  it('is read once', () => {
    expect(commonPasswords()).toBe(commonPasswords());
  });
});
