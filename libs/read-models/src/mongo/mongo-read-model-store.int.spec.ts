import { createConnection } from 'mongoose';
import { describeWithServer, serverAddress } from '../../../../test/support/requires-server';
import { member, membersModel } from '../contract/contract-fixtures.contract';
import { applyMemberEvent, memberEvents } from '../contract/member-projection.contract';
import { EmbeddedReadModelStore } from '../embedded/embedded-read-model-store';
import { hashReadModel } from '../hash-read-model';
import { openReadModelStore } from '../open-read-model-store';
import { readModelStoreContract } from '../read-model-store.contract';
import { MongoReadModelStore } from './mongo-read-model-store';

interface IndexInfo {
  readonly name: string;
  readonly key: object;
  readonly unique?: boolean;
}

describeWithServer('mongodb', 'MongoDB read models', () => {
  const uri = serverAddress('mongodb') ?? '';
  // A database of this test file's own, dropped afterwards: runs may share the server.
  const dbName = `read_models_${process.pid}_${Date.now().toString(36)}`;
  const connect = (): Promise<MongoReadModelStore> => MongoReadModelStore.connect({ uri, dbName });

  afterAll(async () => {
    const connection = await createConnection(uri, { dbName }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  readModelStoreContract('MongoDB', connect);

  describe('MongoDB beside the embedded store', () => {
    it('gives the same documents and hash for the same writes', async () => {
      const model = membersModel();
      const [mongo, embedded] = [await connect(), EmbeddedReadModelStore.open({ path: ':memory:' })];
      const [remote, local] = [await mongo.collection(model), await embedded.collection(model)];
      for (const event of memberEvents) {
        await applyMemberEvent(remote, event);
        await applyMemberEvent(local, event);
      }
      await remote.upsert('extra', member({ userId: 'x', note: 'ünï 😀', profile: { name: 'n', score: 0.1 + 0.2 } }));
      await local.upsert('extra', member({ userId: 'x', note: 'ünï 😀', profile: { name: 'n', score: 0.1 + 0.2 } }));
      const sort = { joinedAt: -1 } as const;
      await expect(remote.find({ teamId: 'team-a' }, { sort })).resolves.toEqual(
        await local.find({ teamId: 'team-a' }, { sort }),
      );
      await expect(hashReadModel(remote)).resolves.toBe(await hashReadModel(local));
      await Promise.all([mongo.close(), embedded.close()]);
    });

    it('declares each read model as a mongoose model with its indexes', async () => {
      const store = await connect();
      const model = membersModel();
      await store.collection(model);
      const connection = await createConnection(uri, { dbName }).asPromise();
      const indexes = (await connection.collection(model.name).listIndexes().toArray()) as IndexInfo[];
      await connection.close();
      await store.close();
      expect(indexes.map((index) => [index.name, index.key, index.unique ?? false])).toEqual([
        ['_id_', { _id: 1 }, false],
        ['teamId_1_joinedAt_-1', { teamId: 1, joinedAt: -1 }, false],
        ['teamId_1_userId_1', { teamId: 1, userId: 1 }, true],
      ]);
    });

    it('is what openReadModelStore opens for READ_STORE=mongodb, on the database MONGODB_URI names', async () => {
      const url = new URL(uri);
      url.pathname = `/${dbName}`;
      const store = await openReadModelStore({ READ_STORE: 'mongodb', DATA_DIR: '.', MONGODB_URI: url });
      await store.checkpoints.advance('opened-from-settings', 5);
      await store.close();
      const direct = await connect();
      await expect(direct.checkpoints.get('opened-from-settings')).resolves.toBe(5);
      await direct.close();
    });

    it('reports conditional writes as atomic only when the server is not FerretDB', async () => {
      const store = await connect();
      const connection = await createConnection(uri, { dbName }).asPromise();
      const info = await connection.getClient().db('admin').command({ buildInfo: 1 });
      await connection.close();
      expect(store.capabilities.atomicConditionalWrites).toBe(!('ferretdbVersion' in info));
      await store.close();
    });
  });
});
