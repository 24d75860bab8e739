import mongoose, { type Connection, type Model, Schema } from 'mongoose';
import { describeWithServer, serverAddress } from '../support/requires-server';
import { runId } from './run-id';

interface Partner {
  slug: string;
  name: string;
  tier: number;
}

/** The fields of a listIndexes entry that the test reads. */
interface IndexDescription {
  name: string;
  key: Record<string, number>;
  unique?: boolean;
}

describeWithServer('mongodb', 'MongoDB wire protocol through mongoose', () => {
  const collection = `smoke_partners_${runId()}`;
  let connection: Connection;
  let Partners: Model<Partner>;

  beforeAll(async () => {
    connection = await mongoose.createConnection(serverAddress('mongodb') ?? '').asPromise();
    const schema = new Schema<Partner>(
      {
        slug: { type: String, required: true, unique: true },
        name: { type: String, required: true },
        tier: { type: Number, required: true, index: true },
      },
      { collection, autoIndex: false, autoCreate: false },
    );
    Partners = connection.model<Partner>(collection, schema);
    await Partners.createCollection();
    await Partners.createIndexes();
  });

  afterAll(async () => {
    await Partners?.collection.drop();
    await connection?.close();
  });

  it('creates the declared indexes, the unique one as unique', async () => {
    const indexes = (await Partners.collection.listIndexes().toArray()) as IndexDescription[];
    const byName = new Map(indexes.map((index) => [index.name, index]));
    expect(byName.get('slug_1')).toMatchObject({ key: { slug: 1 }, unique: true });
    expect(byName.get('tier_1')).toMatchObject({ key: { tier: 1 } });
  });

  it('finds a written document by an indexed field', async () => {
    await Partners.create({ slug: 'acme', name: 'Acme Verification', tier: 2 });
    await Partners.create({ slug: 'globex', name: 'Globex', tier: 3 });
    const found = await Partners.find({ tier: 2 }).lean();
    expect(found.map(({ slug, name }) => ({ slug, name }))).toEqual([{ slug: 'acme', name: 'Acme Verification' }]);
  });

  it('refuses a second document with the same unique field', async () => {
    await Partners.create({ slug: 'initech', name: 'Initech', tier: 1 });
    await expect(Partners.create({ slug: 'initech', name: 'Initech again', tier: 1 })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await Partners.countDocuments({ slug: 'initech' })).toBe(1);
  });
});
