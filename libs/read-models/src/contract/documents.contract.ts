import { MAX_DOCUMENT_BYTES } from '../json-document';
import {
  codeOf,
  member,
  storeHarness,
  type MakeReadModelStore,
  type TeamMemberDoc,
} from './contract-fixtures.contract';

export function documentsContract(makeStore: MakeReadModelStore): void {
  describe('documents', () => {
    const harness = storeHarness(makeStore);

    it('stores a document and reads it back, with no version when written without one', async () => {
      const members = await harness.members();
      await expect(members.upsert('m-1', member())).resolves.toBe('applied');
      await expect(members.get('m-1')).resolves.toEqual(member());
      await expect(members.read('m-1')).resolves.toEqual({ id: 'm-1', version: null, doc: member() });
      await expect(members.get('m-2')).resolves.toBeNull();
      await expect(members.read('m-2')).resolves.toBeNull();
    });

    it('replaces the whole document on upsert, and drops properties set to undefined', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member({ note: 'first', tags: ['a'] }));
      await members.upsert('m-1', member({ role: 'admin', note: undefined }));
      const stored = await members.get('m-1');
      expect(stored).toEqual(member({ role: 'admin' }));
      expect(stored).not.toHaveProperty('note');
      expect(stored).not.toHaveProperty('tags');
    });

    it('patches with $set (creating parents), $unset and $inc (a missing number counts as 0)', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member({ note: 'to remove', profile: { name: 'Ada' } }));
      const patch = {
        $set: { role: 'admin' as const, 'profile.country': 'NL' },
        $unset: ['note' as const],
        $inc: { actions: 3, 'profile.score': 2 },
      };
      await expect(members.patch('m-1', patch)).resolves.toBe('applied');
      await expect(members.get('m-1')).resolves.toEqual(
        member({ role: 'admin', actions: 3, profile: { name: 'Ada', country: 'NL', score: 2 } }),
      );
      await members.patch('m-1', { $set: { 'profile.country': undefined }, $inc: { actions: -1 } });
      await expect(members.get('m-1')).resolves.toEqual(
        member({ role: 'admin', actions: 2, profile: { name: 'Ada', score: 2 } }),
      );
    });

    it('reports a patch or delete of a missing document as missing and creates nothing', async () => {
      const members = await harness.members();
      await expect(members.patch('nobody', { $set: { role: 'admin' } })).resolves.toBe('missing');
      await expect(members.patch('nobody', { $inc: { actions: 1 } }, { version: 4 })).resolves.toBe('missing');
      await expect(members.delete('nobody')).resolves.toBe('missing');
      await expect(members.count()).resolves.toBe(0);
    });

    it('refuses a patch that does not fit the document, leaving it unchanged', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member());
      const notANumber = members.patch('m-1', { $inc: { email: 1 } as never });
      expect(await codeOf(notANumber)).toBe('READ_MODEL.PATCH_NOT_APPLICABLE');
      const belowAString = members.patch('m-1', { $set: { 'email.domain': 'x' } as never });
      expect(await codeOf(belowAString)).toBe('READ_MODEL.PATCH_NOT_APPLICABLE');
      await expect(members.get('m-1')).resolves.toEqual(member());
    });

    it('deletes a document', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member());
      await expect(members.delete('m-1')).resolves.toBe('applied');
      await expect(members.get('m-1')).resolves.toBeNull();
    });

    it.each([
      ['an empty id', (m: Members) => m.upsert('', member())],
      ['a reserved field', (m: Members) => m.upsert('m-1', { ...member(), _id: 'x' } as TeamMemberDoc)],
      ['a Date', (m: Members) => m.upsert('m-1', member({ joinedAt: new Date() as unknown as string }))],
      ['NaN', (m: Members) => m.upsert('m-1', member({ actions: Number.NaN }))],
      [
        'a field name with a dot',
        (m: Members) => m.upsert('m-1', { ...member(), profile: { name: 'x', 'a.b': 1 } } as TeamMemberDoc),
      ],
      ['a lone surrogate', (m: Members) => m.upsert('m-1', member({ email: 'a\uD800b' }))],
      ['a fractional version', (m: Members) => m.upsert('m-1', member(), { version: 1.5 })],
      ['a negative version', (m: Members) => m.patch('m-1', { $inc: { actions: 1 } }, { version: -1 })],
      [
        'overlapping patch paths',
        (m: Members) => m.patch('m-1', { $set: { profile: { name: 'x' }, 'profile.name': 'y' } }),
      ],
      ['a path into the reserved fields', (m: Members) => m.patch('m-1', { $set: { _version: 3 } as never })],
    ])('refuses %s with READ_MODEL.INVALID_ARGUMENT and stores nothing', async (_, write) => {
      const members = await harness.members();
      expect(await codeOf(write(members))).toBe('READ_MODEL.INVALID_ARGUMENT');
      await expect(members.count()).resolves.toBe(0);
    });

    it('keeps Unicode ids, field values and map keys as written', async () => {
      const members = await harness.members();
      const doc = member({
        email: 'zoë@例え.jp',
        profile: { name: 'Ünïcødé 😀 e\u0301 \u0000 end' },
        tags: ['日本', '🏳️‍🌈'],
      });
      const withMap = { ...doc, counts: { ключ: 1, '🔑': 2, '': 3 } };
      await members.upsert('ид/😀', withMap);
      await expect(members.get('ид/😀')).resolves.toEqual(withMap);
      await expect(members.find({ email: 'zoë@例え.jp' })).resolves.toEqual([withMap]);
    });

    it('stores a document of about 1 MB and refuses one over the limit', async () => {
      const members = await harness.members();
      const large = member({ note: 'ü'.repeat(512 * 1024), tags: Array.from({ length: 2000 }, (_, i) => `tag-${i}`) });
      await members.upsert('large', large, { version: 1 });
      await expect(members.get('large')).resolves.toEqual(large);
      await expect(members.find({ userId: 'user-1' })).resolves.toEqual([large]);
      const tooLarge = member({ note: 'x'.repeat(MAX_DOCUMENT_BYTES + 1) });
      expect(await codeOf(members.upsert('too-large', tooLarge))).toBe('READ_MODEL.DOCUMENT_TOO_LARGE');
      await expect(members.get('too-large')).resolves.toBeNull();
    });
  });
}

type Members = Awaited<ReturnType<ReturnType<typeof storeHarness>['members']>>;
