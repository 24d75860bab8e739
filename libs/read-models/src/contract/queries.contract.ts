import type { ReadModelCollection } from '../read-model-store.port';
import {
  codeOf,
  member,
  storeHarness,
  type MakeReadModelStore,
  type TeamMemberDoc,
} from './contract-fixtures.contract';

/** Six members of two teams; ids sort m-1 … m-6. */
async function seed(members: ReadModelCollection<TeamMemberDoc>): Promise<void> {
  const docs: [string, Partial<TeamMemberDoc>][] = [
    [
      'm-1',
      { userId: 'u1', role: 'owner', joinedAt: '2025-01-01', actions: 5, profile: { name: 'Ada', country: 'NL' } },
    ],
    [
      'm-2',
      { userId: 'u2', role: 'admin', joinedAt: '2025-02-01', actions: 12, profile: { name: 'Bo', country: null } },
    ],
    ['m-3', { userId: 'u3', joinedAt: '2025-03-01', actions: 0, active: false, profile: { name: 'Cy' }, note: 'x' }],
    ['m-4', { userId: 'u4', joinedAt: '2025-02-01', actions: 7.5, profile: { name: 'Di', country: 'DE' }, note: null }],
    [
      'm-5',
      {
        teamId: 'team-2',
        userId: 'u1',
        role: 'owner',
        joinedAt: '2024-12-01',
        actions: 12,
        profile: { name: 'Ed', country: 'NL' },
      },
    ],
    [
      'm-6',
      {
        teamId: 'team-2',
        userId: 'u6',
        joinedAt: '2025-05-01',
        actions: -1,
        active: false,
        profile: { name: 'Fa', country: 'FR' },
      },
    ],
  ];
  for (const [id, overrides] of docs) await members.upsert(id, member(overrides));
}

export function queriesContract(makeStore: MakeReadModelStore): void {
  describe('queries', () => {
    const harness = storeHarness(makeStore);
    let members: ReadModelCollection<TeamMemberDoc>;
    const ids = async (...args: Parameters<typeof members.find>): Promise<string[]> =>
      (await members.find(...args)).map((doc) => `m-${doc.profile.name.charCodeAt(0) - 64}`);

    beforeEach(async () => {
      members = await harness.members();
      await seed(members);
    });

    it('matches equality on fields and nested paths, all fields together', async () => {
      expect(await ids({ teamId: 'team-1' })).toEqual(['m-1', 'm-2', 'm-3', 'm-4']);
      expect(await ids({ 'profile.country': 'NL' })).toEqual(['m-1', 'm-5']);
      expect(await ids({ teamId: 'team-2', 'profile.country': 'NL', role: 'owner' })).toEqual(['m-5']);
      expect(await ids({ active: false })).toEqual(['m-3', 'm-6']);
      expect(await ids({ actions: { $eq: 12 } })).toEqual(['m-2', 'm-5']);
      expect(await ids({ teamId: 'team-3' })).toEqual([]);
    });

    it('treats null as null-or-missing, $exists as present, and $ne as also matching missing', async () => {
      expect(await ids({ 'profile.country': null })).toEqual(['m-2', 'm-3']);
      expect(await ids({ note: { $exists: true } })).toEqual(['m-3', 'm-4']);
      expect(await ids({ note: { $exists: false } })).toEqual(['m-1', 'm-2', 'm-5', 'm-6']);
      expect(await ids({ 'profile.country': { $ne: 'NL' } })).toEqual(['m-2', 'm-3', 'm-4', 'm-6']);
      expect(await ids({ 'profile.country': { $ne: null } })).toEqual(['m-1', 'm-4', 'm-5', 'm-6']);
      expect(await ids({ active: { $ne: true } })).toEqual(['m-3', 'm-6']);
    });

    it('matches $in, with null in the list matching missing fields', async () => {
      expect(await ids({ 'profile.country': { $in: ['DE', 'FR'] } })).toEqual(['m-4', 'm-6']);
      expect(await ids({ 'profile.country': { $in: ['DE', null] } })).toEqual(['m-2', 'm-3', 'm-4']);
      expect(await ids({ actions: { $in: [0, 12] } })).toEqual(['m-2', 'm-3', 'm-5']);
      expect(await ids({ role: { $in: [] } })).toEqual([]);
    });

    it('compares numbers with numbers and strings with strings, ranges combining', async () => {
      expect(await ids({ actions: { $gt: 5 } })).toEqual(['m-2', 'm-4', 'm-5']);
      expect(await ids({ actions: { $gte: 5, $lt: 12 } })).toEqual(['m-1', 'm-4']);
      expect(await ids({ actions: { $lte: 0 } })).toEqual(['m-3', 'm-6']);
      expect(await ids({ joinedAt: { $gte: '2025-02-01', $lte: '2025-03-01' } })).toEqual(['m-2', 'm-3', 'm-4']);
      expect(await ids({ 'profile.country': { $gt: 'E' } })).toEqual(['m-1', 'm-5', 'm-6']);
    });

    it('sorts by several keys, missing and null first ascending, ties by id', async () => {
      expect(await ids({}, { sort: { actions: -1 } })).toEqual(['m-2', 'm-5', 'm-4', 'm-1', 'm-3', 'm-6']);
      expect(await ids({}, { sort: { teamId: 1, joinedAt: -1 } })).toEqual(['m-3', 'm-2', 'm-4', 'm-1', 'm-6', 'm-5']);
      expect(await ids({}, { sort: { 'profile.country': 1 } })).toEqual(['m-2', 'm-3', 'm-4', 'm-6', 'm-1', 'm-5']);
      expect(await ids({}, { sort: { 'profile.country': -1 } })).toEqual(['m-1', 'm-5', 'm-6', 'm-4', 'm-2', 'm-3']);
      expect(await ids({}, { sort: { active: 1, role: 1 } })).toEqual(['m-3', 'm-6', 'm-2', 'm-4', 'm-1', 'm-5']);
    });

    it('pages with skip and limit', async () => {
      const sort = { joinedAt: 1 } as const;
      expect(await ids({}, { sort, limit: 2 })).toEqual(['m-5', 'm-1']);
      expect(await ids({}, { sort, skip: 2, limit: 2 })).toEqual(['m-2', 'm-4']);
      expect(await ids({}, { sort, skip: 5, limit: 2 })).toEqual(['m-6']);
      expect(await ids({ teamId: 'team-1' }, { skip: 3 })).toEqual(['m-4']);
    });

    it('counts and deletes the matching documents', async () => {
      await expect(members.count()).resolves.toBe(6);
      await expect(members.count({ teamId: 'team-1', actions: { $gt: 0 } })).resolves.toBe(3);
      await expect(members.deleteMany({ teamId: 'team-2' })).resolves.toBe(2);
      await expect(members.count()).resolves.toBe(4);
      await expect(members.deleteMany({ teamId: 'team-2' })).resolves.toBe(0);
      await expect(members.deleteMany({})).resolves.toBe(4);
      await expect(members.count()).resolves.toBe(0);
    });

    it.each([
      ['an unknown operator', { actions: { $regex: 'x' } }],
      ['a path with a space', { 'profile name': 'x' }],
      ['an object value', { profile: { name: 'Ada' } }],
      ['a comparison with a boolean', { active: { $gt: true } }],
      ['a non-array $in', { role: { $in: 'owner' } }],
    ])('refuses %s with READ_MODEL.INVALID_ARGUMENT', async (_, filter) => {
      expect(await codeOf(members.find(filter as never))).toBe('READ_MODEL.INVALID_ARGUMENT');
      expect(await codeOf(members.count(filter as never))).toBe('READ_MODEL.INVALID_ARGUMENT');
    });

    it('refuses a zero limit or a negative skip', async () => {
      expect(await codeOf(members.find({}, { limit: 0 }))).toBe('READ_MODEL.INVALID_ARGUMENT');
      expect(await codeOf(members.find({}, { skip: -1 }))).toBe('READ_MODEL.INVALID_ARGUMENT');
    });
  });
}
