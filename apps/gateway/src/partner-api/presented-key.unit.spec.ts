import { createHash } from 'node:crypto';
import { presentedKey, secretHashOf } from './presented-key';

describe('the key a call presents', () => {
  it('reads a Bearer token in any case, after spaces or tabs, without the blanks around it', () => {
    expect(presentedKey({ authorization: 'Bearer abc' })).toBe('abc');
    expect(presentedKey({ authorization: 'bearer  \t abc  ' })).toBe('abc');
    expect(presentedKey({ authorization: 'BEARER\tabc' })).toBe('abc');
  });

  it('reads x-api-key when there is no Authorization header', () => {
    expect(presentedKey({ 'x-api-key': ' abc ' })).toBe('abc');
    expect(presentedKey({})).toBeUndefined();
  });

  it('takes no key from another scheme, a bare "Bearer", or x-api-key beside another Authorization', () => {
    expect(presentedKey({ authorization: 'Basic abc' })).toBeUndefined();
    expect(presentedKey({ authorization: 'Bearerabc' })).toBeUndefined();
    expect(presentedKey({ authorization: 'Bearer' })).toBeUndefined();
    expect(presentedKey({ authorization: 'Basic abc', 'x-api-key': 'abc' })).toBeUndefined();
  });

  it('hashes a key as SHA-256 in lowercase hex, as the keys service stores it', () => {
    expect(secretHashOf('cr3_test_x')).toBe(createHash('sha256').update('cr3_test_x').digest('hex'));
  });
});
