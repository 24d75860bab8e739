import { defineReadModel, type ReadModelDefinition } from '../read-model';
import type { ReadModelCollection, ReadModelStore } from '../read-model-store.port';

/** Opens a store on the adapter's shared test database (every call: the same data). */
export type MakeReadModelStore = () => Promise<ReadModelStore>;

export interface TeamMemberDoc {
  teamId: string;
  userId: string;
  email: string;
  role: 'owner' | 'admin' | 'member';
  joinedAt: string;
  active: boolean;
  actions: number;
  profile: { name: string; country?: string | null; score?: number };
  tags?: string[];
  note?: string | null;
  lastActiveAt?: string;
}

let models = 0;

/** A collection name no other test (or concurrent run) uses, so tests share one database. */
export function uniqueModelName(prefix = 'members'): string {
  models += 1;
  return `${prefix}_${process.pid.toString(36)}_${Date.now().toString(36)}_${models}`;
}

export function membersModel(name = uniqueModelName()): ReadModelDefinition<TeamMemberDoc> {
  return defineReadModel<TeamMemberDoc>({
    name,
    indexes: [{ fields: { teamId: 1, joinedAt: -1 } }, { fields: { teamId: 1, userId: 1 }, unique: true }],
  });
}

export function member(overrides: Partial<TeamMemberDoc> = {}): TeamMemberDoc {
  return {
    teamId: 'team-1',
    userId: 'user-1',
    email: 'ada@example.com',
    role: 'member',
    joinedAt: '2025-01-01T00:00:00.000Z',
    active: true,
    actions: 0,
    profile: { name: 'Ada' },
    ...overrides,
  };
}

export interface StoreHarness {
  /** The store opened for the running test. */
  readonly store: ReadModelStore;
  /** A second store on the same database, closed after the test like the first. */
  another(): Promise<ReadModelStore>;
  /** A fresh members collection of the running test's store. */
  members(): Promise<ReadModelCollection<TeamMemberDoc>>;
}

/** Opens a store before each test and closes every store the test opened after it. */
export function storeHarness(makeStore: MakeReadModelStore): StoreHarness {
  const opened: ReadModelStore[] = [];
  beforeEach(async () => {
    opened.push(await makeStore());
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return {
    get store(): ReadModelStore {
      const store = opened[0];
      if (store === undefined) throw new Error('no store is open outside a test');
      return store;
    },
    async another(): Promise<ReadModelStore> {
      const store = await makeStore();
      opened.push(store);
      return store;
    },
    members(): Promise<ReadModelCollection<TeamMemberDoc>> {
      return this.store.collection(membersModel());
    },
  };
}

/** The error code of a rejected promise, for `expect(await codeOf(p)).toBe('READ_MODEL.…')`. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  throw new Error('expected the promise to reject');
}

/** Every document of a collection as `[id, version, doc]`, in id order. */
export async function contents(collection: ReadModelCollection<object>): Promise<[string, number | null, object][]> {
  const all: [string, number | null, object][] = [];
  for await (const entry of collection.entries()) all.push([entry.id, entry.version, entry.doc]);
  return all;
}
