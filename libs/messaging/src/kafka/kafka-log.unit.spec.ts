import { logLevel } from 'kafkajs';
import { RecordingLogger } from '../contract/bus-fixtures.contract';
import { kafkaLogCreator } from './kafka-log';

const log = (logger: RecordingLogger, level: logLevel, namespace: string, entry: Record<string, unknown>): void =>
  kafkaLogCreator(logger)(logLevel.INFO)({
    namespace,
    level,
    label: logLevel[level],
    log: { timestamp: '2026-01-01T00:00:00Z', message: 'something happened', ...entry },
  });

describe('kafkajs logging', () => {
  it('keeps identifying fields and drops payloads, configuration and stacks', () => {
    const logger = new RecordingLogger();
    log(logger, logLevel.ERROR, 'Runner', {
      groupId: 'g',
      topic: 't',
      partition: 1,
      error: new Error('boom'),
      stack: 'at secret.js:1',
      payload: { value: 'secret body' },
      sasl: { password: 'hunter2' },
    });
    expect(logger.entries).toEqual([
      {
        level: 'error',
        message: 'kafkajs: something happened',
        context: { kafka: 'Runner', groupId: 'g', topic: 't', partition: 1, error: 'boom' },
      },
    ]);
  });

  it('reports broker error responses kafkajs retries by itself as warnings, info as debug', () => {
    const logger = new RecordingLogger();
    log(logger, logLevel.ERROR, 'Connection', { message: 'Response Heartbeat(key: 12, version: 3)' });
    log(logger, logLevel.WARN, 'Cluster', {});
    log(logger, logLevel.INFO, 'Consumer', {});
    expect(logger.entries.map((entry) => entry.level)).toEqual(['warn', 'warn', 'debug']);
  });
});
