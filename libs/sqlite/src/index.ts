export {
  inImmediateTransaction,
  openSqliteDatabase,
  prepareStatements,
  type SqliteSynchronous,
} from './sqlite-database';
export { settle } from './settle';
