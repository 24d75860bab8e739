import { hashReadModel } from '../hash-read-model';
import { codeOf, contents, member, storeHarness, type MakeReadModelStore } from './contract-fixtures.contract';
import { applyMemberEvent, MEMBER_EVENTS_HASH, memberEvents } from './member-projection.contract';

let projections = 0;
const projectionName = (): string => `team-members.${process.pid}.${Date.now()}.${(projections += 1)}`;

export function checkpointsContract(makeStore: MakeReadModelStore): void {
  describe('checkpoints', () => {
    const harness = storeHarness(makeStore);

    it('has none for a projection that never ran, then keeps the position it was advanced to', async () => {
      const name = projectionName();
      const { checkpoints } = harness.store;
      await expect(checkpoints.get(name)).resolves.toBeNull();
      await expect(checkpoints.advance(name, 42)).resolves.toBe(true);
      await expect(checkpoints.get(name)).resolves.toBe(42);
      await expect((await harness.another()).checkpoints.get(name)).resolves.toBe(42);
    });

    it('only moves forward, per projection, until reset', async () => {
      const [a, b] = [projectionName(), projectionName()];
      const { checkpoints } = harness.store;
      await checkpoints.advance(a, 10);
      await expect(checkpoints.advance(a, 10)).resolves.toBe(false);
      await expect(checkpoints.advance(a, 7)).resolves.toBe(false);
      await expect(checkpoints.get(a)).resolves.toBe(10);
      await checkpoints.advance(b, 3);
      await checkpoints.reset(a);
      await expect(checkpoints.get(a)).resolves.toBeNull();
      await expect(checkpoints.get(b)).resolves.toBe(3);
      await expect(checkpoints.advance(a, 1)).resolves.toBe(true);
    });

    it('refuses a malformed projection name or position', async () => {
      const { checkpoints } = harness.store;
      expect(await codeOf(checkpoints.get(''))).toBe('READ_MODEL.INVALID_ARGUMENT');
      expect(await codeOf(checkpoints.advance(projectionName(), -1))).toBe('READ_MODEL.INVALID_ARGUMENT');
    });
  });
}

export function entriesAndHashContract(makeStore: MakeReadModelStore): void {
  describe('iteration and hashing', () => {
    const harness = storeHarness(makeStore);

    it('iterates every document in id order by UTF-8 bytes, across batches', async () => {
      const members = await harness.members();
      const ids = ['b', 'a', 'Z', 'é', 'z', '😀', '\uFFFD', '日本', 'a\u0301', '10', '9'];
      for (const [i, id] of ids.entries()) await members.upsert(id, member({ userId: `u${i}` }), { version: i });
      const bytewise = [...ids].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
      const seen: string[] = [];
      for await (const entry of members.entries({ batchSize: 3 })) seen.push(entry.id);
      expect(seen).toEqual(bytewise);
      expect((await contents(members)).map(([id]) => id)).toEqual(bytewise);
    });

    it('hashes contents, not write order or field order', async () => {
      const [one, two] = [await harness.members(), await harness.members()];
      await one.upsert('m-1', member({ userId: 'u1', profile: { name: 'Ada', country: 'NL' } }), { version: 1 });
      await one.upsert('m-2', member({ userId: 'u2' }), { version: 2 });
      await two.upsert('m-2', member({ userId: 'u2' }), { version: 2 });
      await two.upsert('m-1', { ...member({ userId: 'u1' }), profile: { country: 'NL', name: 'Ada' } }, { version: 1 });
      expect(await hashReadModel(one)).toBe(await hashReadModel(two));
      await two.patch('m-2', { $set: { role: 'admin' } });
      expect(await hashReadModel(one)).not.toBe(await hashReadModel(two));
    });

    it('rebuilds, after drop, to the same hash as the incremental build, the same on every adapter', async () => {
      const incremental = await harness.members();
      for (const event of memberEvents) await applyMemberEvent(incremental, event);
      const hash = await hashReadModel(incremental);
      await incremental.drop();
      await expect(hashReadModel(incremental)).resolves.not.toBe(hash);
      for (const event of memberEvents) await applyMemberEvent(incremental, event);
      await expect(hashReadModel(incremental)).resolves.toBe(hash);
      expect(hash).toBe(MEMBER_EVENTS_HASH);
    });
  });
}
