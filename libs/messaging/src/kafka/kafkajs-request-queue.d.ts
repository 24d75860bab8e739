/** kafkajs's internal request queue of one broker connection: only what mendIdleRequestQueues touches. */
declare module 'kafkajs/src/network/requestQueue' {
  export default class RequestQueue {
    constructor(options: {
      maxInFlightRequests: number | null;
      requestTimeout: number;
      enforceRequestTimeout: boolean;
      clientId: string;
      broker: string;
      logger: unknown;
    });
    pending: unknown[];
    throttledUntil: number;
    scheduleCheckPendingRequests: (this: RequestQueue) => void;
    destroy(): void;
  }
}
