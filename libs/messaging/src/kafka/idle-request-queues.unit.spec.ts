import RequestQueue from 'kafkajs/src/network/requestQueue';
import { mendIdleRequestQueues } from './idle-request-queues';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function queue(): RequestQueue {
  return new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: 'test',
    broker: 'localhost:9092',
    logger: silent,
  });
}

describe("kafkajs's request queue, mended", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('arms no timer while no request waits (kafkajs alone re-arms one every millisecond)', () => {
    mendIdleRequestQueues();
    const idle = queue();

    idle.scheduleCheckPendingRequests();

    expect(jest.getTimerCount()).toBe(0);
  });

  it('still schedules the check while a request waits, after the throttle if any', () => {
    mendIdleRequestQueues();
    const busy = queue();
    busy.pending.push({});
    busy.throttledUntil = Date.now() + 500;

    busy.scheduleCheckPendingRequests();

    expect(jest.getTimerCount()).toBe(1);
    busy.pending.length = 0;
    busy.destroy();
  });

  it('is applied once, however often it is called', () => {
    mendIdleRequestQueues();
    const once = RequestQueue.prototype.scheduleCheckPendingRequests;
    mendIdleRequestQueues();
    expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(once);
  });
});
