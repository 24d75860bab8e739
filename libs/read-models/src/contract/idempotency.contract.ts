import { hashReadModel } from '../hash-read-model';
import type { ReadModelCollection } from '../read-model-store.port';
import {
  contents,
  member,
  membersModel,
  storeHarness,
  type MakeReadModelStore,
  type TeamMemberDoc,
} from './contract-fixtures.contract';
import { applyMemberEvent, memberEvents } from './member-projection.contract';

type Members = ReadModelCollection<TeamMemberDoc>;

export function idempotencyContract(makeStore: MakeReadModelStore): void {
  describe('version-guarded writes', () => {
    const harness = storeHarness(makeStore);

    /** The same collection through the test's store and through a second connection. */
    async function twoConnections(): Promise<[Members, Members]> {
      const model = membersModel();
      const other = await harness.another();
      return [await harness.store.collection(model), await other.collection(model)];
    }

    it('applies an upsert once per version and never goes back to an older one', async () => {
      const members = await harness.members();
      await expect(members.upsert('m-1', member({ role: 'member' }), { version: 5 })).resolves.toBe('applied');
      await expect(members.upsert('m-1', member({ role: 'admin' }), { version: 5 })).resolves.toBe('stale');
      await expect(members.upsert('m-1', member({ role: 'owner' }), { version: 3 })).resolves.toBe('stale');
      await expect(members.read('m-1')).resolves.toEqual({ id: 'm-1', version: 5, doc: member({ role: 'member' }) });
      await expect(members.upsert('m-1', member({ role: 'owner' }), { version: 6 })).resolves.toBe('applied');
      await expect(members.read('m-1')).resolves.toEqual({ id: 'm-1', version: 6, doc: member({ role: 'owner' }) });
    });

    it('applies a patch once per version: an $inc delivered twice counts once', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member(), { version: 1 });
      await expect(members.patch('m-1', { $inc: { actions: 1 } }, { version: 2 })).resolves.toBe('applied');
      await expect(members.patch('m-1', { $inc: { actions: 1 } }, { version: 2 })).resolves.toBe('stale');
      await expect(members.patch('m-1', { $inc: { actions: 1 } }, { version: 1 })).resolves.toBe('stale');
      await expect(members.read('m-1')).resolves.toEqual({ id: 'm-1', version: 2, doc: member({ actions: 1 }) });
      await expect(members.patch('m-1', {}, { version: 3 })).resolves.toBe('applied');
      await expect(members.read('m-1')).resolves.toMatchObject({ version: 3, doc: member({ actions: 1 }) });
    });

    it('does not delete a document written by a later event', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member(), { version: 5 });
      await expect(members.delete('m-1', { version: 4 })).resolves.toBe('stale');
      await expect(members.get('m-1')).resolves.toEqual(member());
      await expect(members.delete('m-1', { version: 6 })).resolves.toBe('applied');
      await expect(members.delete('m-1', { version: 6 })).resolves.toBe('missing');
    });

    it('clears the version on an unversioned upsert and keeps it on an unversioned patch', async () => {
      const members = await harness.members();
      await members.upsert('m-1', member(), { version: 5 });
      await members.patch('m-1', { $set: { role: 'admin' } });
      await expect(members.read('m-1')).resolves.toMatchObject({ version: 5, doc: { role: 'admin' } });
      await members.upsert('m-1', member());
      await expect(members.read('m-1')).resolves.toMatchObject({ version: null });
      await expect(members.upsert('m-1', member({ role: 'owner' }), { version: 1 })).resolves.toBe('applied');
    });

    it('ends a history delivered twice over, and replayed from an old checkpoint, as if applied once', async () => {
      const once = await harness.members();
      for (const event of memberEvents) await applyMemberEvent(once, event);
      const redelivered = await harness.members();
      for (const event of memberEvents) {
        await applyMemberEvent(redelivered, event);
        await applyMemberEvent(redelivered, event);
      }
      for (const event of memberEvents.slice(4)) await applyMemberEvent(redelivered, event);
      expect(await contents(redelivered)).toEqual(await contents(once));
      expect(await hashReadModel(redelivered)).toBe(await hashReadModel(once));
    });

    it('applies concurrent duplicates of a creating event once', async () => {
      const [first, second] = await twoConnections();
      const writes = Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? first : second).upsert('m-1', member({ role: 'admin' }), { version: 7 }),
      );
      const outcomes = await Promise.all(writes);
      expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'stale')).toHaveLength(7);
      await expect(first.read('m-1')).resolves.toEqual({ id: 'm-1', version: 7, doc: member({ role: 'admin' }) });
    });

    it('changes a document once under concurrent duplicates of an event', async () => {
      const [first, second] = await twoConnections();
      await first.upsert('m-1', member({ actions: 10 }), { version: 1 });
      const patches = Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? first : second).patch('m-1', { $inc: { actions: 1 } }, { version: 2 }),
      );
      const outcomes = await Promise.all(patches);
      await expect(second.read('m-1')).resolves.toEqual({ id: 'm-1', version: 2, doc: member({ actions: 11 }) });
      // Where the check and the write are one step, the outcomes also say which one applied.
      const applied = outcomes.filter((outcome) => outcome === 'applied').length;
      if (harness.store.capabilities.atomicConditionalWrites) expect(applied).toBe(1);
      else expect(applied).toBeGreaterThanOrEqual(1);
    });

    it('keeps the highest of concurrent versions where the store checks and writes in one step', async () => {
      const [first, second] = await twoConnections();
      if (!harness.store.capabilities.atomicConditionalWrites) {
        // FerretDB 1.x: a documented limitation of the server, reported by the store.
        expect(harness.store.capabilities).toEqual({ atomicConditionalWrites: false });
        return;
      }
      const versions = [5, 3, 9, 2, 10, 7, 1, 8, 4, 6];
      const outcomes = await Promise.all(
        versions.map((version, i) =>
          (i % 2 === 0 ? first : second).upsert('m-1', member({ actions: version }), { version }),
        ),
      );
      expect(outcomes).toContain('applied');
      await expect(first.read('m-1')).resolves.toEqual({ id: 'm-1', version: 10, doc: member({ actions: 10 }) });
    });
  });
}
