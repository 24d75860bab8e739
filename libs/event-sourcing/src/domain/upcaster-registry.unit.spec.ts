import type { EventMetadata, RecordedEvent } from './event-envelope';
import { InvalidUpcasterError, UpcasterAlreadyRegisteredError, UpcasterRegistry } from './upcaster-registry';

const metadata: EventMetadata = {
  actorId: 'u1',
  actorKind: 'user',
  teamId: null,
  correlationId: 'c1',
  causationId: null,
  sourceIp: null,
  userAgent: null,
};

const stored = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  id: '0190c7a4-1b2c-7d3e-8f40-123456789abc',
  type,
  schemaVersion,
  streamId: 'team-1',
  streamRevision: 0,
  globalPosition: 1,
  recordedAt: '2025-01-01T00:00:00.000Z',
  data,
  metadata,
});

type MemberInvitedV1 = { email: string };
type MemberInvitedV2 = { email: string; role: 'member' | 'admin' };
type MemberInvitedV3 = { invitee: { email: string }; role: 'member' | 'admin' };

describe('upcaster registry', () => {
  const registry = new UpcasterRegistry()
    .register<MemberInvitedV1, MemberInvitedV2>('MemberInvited', 1, (data) => ({ ...data, role: 'member' }))
    .register<MemberInvitedV2, MemberInvitedV3>('MemberInvited', 2, ({ email, role }) => ({
      invitee: { email },
      role,
    }));

  it('reads a v1 event in the latest shape, through every step', () => {
    const upcast = registry.upcast(stored('MemberInvited', 1, { email: 'a@example.com' }));
    expect(upcast).toMatchObject({ schemaVersion: 3, data: { invitee: { email: 'a@example.com' }, role: 'member' } });
  });

  it('leaves the stored event untouched', () => {
    const original = stored('MemberInvited', 1, { email: 'a@example.com' });
    registry.upcast(original);
    expect(original).toMatchObject({ schemaVersion: 1, data: { email: 'a@example.com' } });
  });

  it('returns events already in the latest shape, or of other types, as they are', () => {
    const latest = stored('MemberInvited', 3, { invitee: { email: 'a@example.com' }, role: 'admin' });
    const other = stored('TeamCreated', 1, { name: 'Acme' });
    expect(registry.upcast(latest)).toBe(latest);
    expect(registry.upcast(other)).toBe(other);
  });

  it('knows the version new events are written with', () => {
    expect(registry.latestVersion('MemberInvited')).toBe(3);
    expect(registry.latestVersion('TeamCreated')).toBe(1);
  });

  it('passes the metadata to the upcaster', () => {
    const withActor = new UpcasterRegistry().register<object, object>('Seen', 1, (data, meta) => ({
      ...data,
      by: meta.actorId,
    }));
    expect(withActor.upcast(stored('Seen', 1, {})).data).toEqual({ by: 'u1' });
  });

  it('refuses a second upcaster for the same type and version, and invalid versions', () => {
    expect(() => registry.register('MemberInvited', 1, (data) => data)).toThrow(UpcasterAlreadyRegisteredError);
    expect(() => new UpcasterRegistry().register('X', 0, (data) => data)).toThrow(InvalidUpcasterError);
    expect(new UpcasterAlreadyRegisteredError('X', 1).code).toBe('EVENT_STORE.UPCASTER_ALREADY_REGISTERED');
    expect(new InvalidUpcasterError('X', 0).code).toBe('EVENT_STORE.INVALID_UPCASTER');
  });
});
