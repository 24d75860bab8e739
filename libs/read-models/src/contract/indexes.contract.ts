import { defineReadModel } from '../read-model';
import {
  codeOf,
  member,
  membersModel,
  storeHarness,
  uniqueModelName,
  type MakeReadModelStore,
  type TeamMemberDoc,
} from './contract-fixtures.contract';

export function indexesContract(makeStore: MakeReadModelStore): void {
  describe('indexes, drop and rebuild', () => {
    const harness = storeHarness(makeStore);

    it('refuses a second document with the key of a unique index, on upsert and on patch', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member({ userId: 'u1' }));
      await members.upsert('m-2', member({ userId: 'u2' }));
      expect(await codeOf(members.upsert('m-3', member({ userId: 'u1' })))).toBe('READ_MODEL.DUPLICATE');
      expect(await codeOf(members.upsert('m-3', member({ userId: 'u1' }), { version: 4 }))).toBe(
        'READ_MODEL.DUPLICATE',
      );
      expect(await codeOf(members.upsert('m-2', member({ userId: 'u1' }), { version: 4 }))).toBe(
        'READ_MODEL.DUPLICATE',
      );
      expect(await codeOf(members.patch('m-2', { $set: { userId: 'u1' } }))).toBe('READ_MODEL.DUPLICATE');
      await expect(members.get('m-3')).resolves.toBeNull();
      await expect(members.get('m-2')).resolves.toEqual(member({ userId: 'u2' }));
      await expect(members.upsert('m-1', member({ userId: 'u1', role: 'admin' }))).resolves.toBe('applied');
      await expect(members.upsert('m-3', member({ teamId: 'team-2', userId: 'u1' }))).resolves.toBe('applied');
    });

    it('requires every field of a unique index in every document', async () => {
      const members = await harness.members();
      const { userId: _, ...withoutUser } = member();
      expect(await codeOf(members.upsert('m-1', withoutUser as TeamMemberDoc))).toBe('READ_MODEL.INVALID_ARGUMENT');
      expect(await codeOf(members.upsert('m-1', member({ teamId: null as unknown as string })))).toBe(
        'READ_MODEL.INVALID_ARGUMENT',
      );
      await members.upsert('m-1', member());
      expect(await codeOf(members.patch('m-1', { $unset: ['userId'] }))).toBe('READ_MODEL.INVALID_ARGUMENT');
      expect(await codeOf(members.patch('m-1', { $set: { teamId: undefined } }))).toBe('READ_MODEL.INVALID_ARGUMENT');
      await expect(members.get('m-1')).resolves.toEqual(member());
    });

    it('follows a changed declaration: new indexes enforced, undeclared ones dropped', async () => {
      const name = uniqueModelName();
      const before = await harness.store.collection(membersModel(name));
      await before.upsert('m-1', member({ email: 'same@example.com' }));
      const changed = defineReadModel<TeamMemberDoc>({ name, indexes: [{ fields: { email: 1 }, unique: true }] });
      expect(await codeOf(harness.store.collection(changed))).toBe('READ_MODEL.INVALID_ARGUMENT');
      const after = await (await harness.another()).collection(changed);
      await expect(after.upsert('m-2', member({ email: 'other@example.com' }))).resolves.toBe('applied');
      expect(await codeOf(after.upsert('m-3', member({ userId: 'u3', email: 'same@example.com' })))).toBe(
        'READ_MODEL.DUPLICATE',
      );
      await expect(after.count()).resolves.toBe(2);
    });

    it('refuses to build a unique index over documents that already break it', async () => {
      const name = uniqueModelName();
      const plain = await harness.store.collection(defineReadModel<TeamMemberDoc>({ name }));
      await plain.upsert('m-1', member());
      await plain.upsert('m-2', member());
      const unique = defineReadModel<TeamMemberDoc>({ name, indexes: [{ fields: { userId: 1 }, unique: true }] });
      const other = await harness.another();
      expect(await codeOf(other.collection(unique))).toBe('READ_MODEL.DUPLICATE');
      await expect(plain.count()).resolves.toBe(2);
    });

    it('drops every document and keeps the indexes for a rebuild', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member({ userId: 'u1' }), { version: 3 });
      await members.upsert('m-2', member({ userId: 'u2' }), { version: 4 });
      await members.drop();
      await expect(members.count()).resolves.toBe(0);
      await expect(members.get('m-1')).resolves.toBeNull();
      await expect(members.upsert('m-1', member({ userId: 'u1' }), { version: 1 })).resolves.toBe('applied');
      expect(await codeOf(members.upsert('m-2', member({ userId: 'u1' })))).toBe('READ_MODEL.DUPLICATE');
      await members.drop();
      await members.drop();
      await expect(members.count()).resolves.toBe(0);
    });
  });
}
