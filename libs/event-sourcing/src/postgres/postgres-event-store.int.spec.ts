import { describeWithServer, serverAddress } from '../../../../test/support/requires-server';
import { eventStoreContract } from '../event-store/contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { testSchemas } from './postgres-test-schemas.contract';

const schemas = testSchemas('es_contract');

describeWithServer('postgres', 'PostgreSQL event store', () => {
  const url = serverAddress('postgres') ?? '';
  afterAll(() => schemas.dropAll(url));

  eventStoreContract('PostgreSQL', (options) =>
    PostgresEventStore.open({ connectionString: url, schema: schemas.next(), pollIntervalMs: 200, ...options }),
  );
});
