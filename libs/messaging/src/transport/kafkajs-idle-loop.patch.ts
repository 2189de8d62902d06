/**
 * kafkajs 2.2.4 keeps a 1 ms timer loop running on every idle broker connection: after each
 * response, RequestQueue.scheduleCheckPendingRequests arms a timer with a negative delay
 * (throttledUntil is -1 when nothing throttles) even when no request is waiting, and the timer
 * re-arms itself. It costs CPU on idle services and makes Node 24 print TimeoutNegativeWarning
 * (upstream issues #1556, #1704, #1751, still open).
 *
 * The check only matters while requests wait in the queue, and every path that queues a request
 * schedules it again, so an empty queue needs no timer. Applied once, when the Kafka transport
 * module loads.
 */
interface RequestQueuePrototype {
  pending: unknown[];
  scheduleCheckPendingRequests: (this: RequestQueuePrototype) => void;
}

const PATCHED = Symbol.for('reprisals.kafkajs.idle-loop-patched');

export const patchKafkajsIdleLoop = (): void => {
  // Not part of kafkajs's typed API: its own module, the one its connections use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueuePrototype };
  const prototype = RequestQueue.prototype as RequestQueuePrototype & { [PATCHED]?: true };
  if (prototype[PATCHED] || typeof prototype.scheduleCheckPendingRequests !== 'function') return;
  const original = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(
    this: RequestQueuePrototype,
  ) {
    if (this.pending.length === 0) return;
    original.call(this);
  };
  prototype[PATCHED] = true;
};
