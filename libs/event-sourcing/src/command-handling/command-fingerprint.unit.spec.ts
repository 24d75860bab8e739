import { commandFingerprint } from './command-fingerprint';

describe('command fingerprint', () => {
  it('is the same whatever the order of fields', () => {
    expect(commandFingerprint({ type: 'Invite', email: 'a@x', role: 'admin' })).toBe(
      commandFingerprint({ role: 'admin', email: 'a@x', type: 'Invite' }),
    );
  });

  it('differs when a value differs, also deep inside', () => {
    expect(commandFingerprint({ a: { b: [1, 2] } })).not.toBe(commandFingerprint({ a: { b: [2, 1] } }));
    expect(commandFingerprint({ a: 1 })).not.toBe(commandFingerprint({ a: '1' }));
  });

  it('ignores fields set to undefined, and is a SHA-256 in hex', () => {
    expect(commandFingerprint({ a: 1, b: undefined })).toBe(commandFingerprint({ a: 1 }));
    expect(commandFingerprint({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
