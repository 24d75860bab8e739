import { chownSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { ServerUnavailable } from '../server-unavailable';
import { isRoot } from '../process/find-executable';
import { POSTGRES_HOW_TO } from './postgres-binaries';

/** The operating-system account that runs the cluster; also its superuser's name. */
export interface PostgresAccount {
  name: string;
  /** Set when we are root: PostgreSQL refuses to run as root, so it runs as this user. */
  uid?: number;
  gid?: number;
}

/** Ourselves, or the `postgres` user that the Debian package creates when we are root. */
export function postgresAccount(): PostgresAccount {
  if (!isRoot()) return { name: userInfo().username };
  const fields = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((entry) => entry[0] === 'postgres');
  if (fields === undefined) {
    throw new ServerUnavailable('running as root and there is no "postgres" user to run PostgreSQL as', {
      howTo: POSTGRES_HOW_TO,
    });
  }
  return { name: 'postgres', uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** Hands a folder to the account, when it is not ourselves. */
export function giveTo(account: PostgresAccount, dir: string): void {
  if (account.uid !== undefined && account.gid !== undefined) chownSync(dir, account.uid, account.gid);
}
