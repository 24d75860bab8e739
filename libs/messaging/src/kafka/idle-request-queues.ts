import RequestQueue from 'kafkajs/src/network/requestQueue';

/*
 * kafkajs 2.2.4 keeps every idle broker connection busy. Its RequestQueue arms a timer to check
 * for waiting requests even when none waits, with a negative delay (its "not throttled" value
 * minus the time) that Node turns into 1 ms, and each check arms the next: a thousand wake-ups
 * a second per connection, for as long as the connection is open. An idle gateway spent 40–76
 * ms of CPU a second on it, time taken from the calls it serves on the same cores; on Node 24 it
 * also prints a TimeoutNegativeWarning. (kafkajs issues 1556, 1704 and 1751; the project has had
 * no release since 2.2.4.)
 *
 * Mended here: a check is scheduled only while a request waits. Nothing is lost: a request
 * that has to wait is queued by `push`, which schedules the check itself, and a response or a
 * timeout checks the queue at once.
 */

const MENDED = Symbol.for('portal.kafkajs.idleRequestQueues');

type Mendable = typeof RequestQueue.prototype & { [MENDED]?: true };

/** Mends kafkajs's request queues (once per loaded copy of kafkajs). */
export function mendIdleRequestQueues(): void {
  const prototype = RequestQueue.prototype as Mendable;
  if (prototype[MENDED]) return;
  const schedule = prototype.scheduleCheckPendingRequests;
  if (typeof schedule !== 'function') {
    throw new Error('kafkajs has changed: RequestQueue.scheduleCheckPendingRequests is gone; review this mend');
  }
  prototype.scheduleCheckPendingRequests = function scheduleWhileWaiting(this: RequestQueue): void {
    if (this.pending.length > 0) schedule.call(this);
  };
  prototype[MENDED] = true;
}
