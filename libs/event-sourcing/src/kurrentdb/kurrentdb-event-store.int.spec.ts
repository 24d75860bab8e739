import { describeWithServer, serverAddress } from '../../../../test/support/requires-server';
import { eventStoreContract } from '../event-store/contract/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// KurrentDB cannot be installed on the build machines: this suite runs when
// EVENTSTORE_CONNECTION_STRING points at a server, and is reported as skipped otherwise.
const connectionString = serverAddress('eventstoredb');
if (connectionString === undefined) {
  process.stdout.write(
    '[kurrentdb] SKIPPING the KurrentDB event store contract: set EVENTSTORE_CONNECTION_STRING (kurrentdb://host:2113?tls=false) to run it\n',
  );
}

describeWithServer('eventstoredb', 'KurrentDB event store (EVENTSTORE_CONNECTION_STRING)', () => {
  eventStoreContract('KurrentDB', (options) =>
    KurrentDbEventStore.open({ connectionString: connectionString ?? '', ...options }),
  );
});
