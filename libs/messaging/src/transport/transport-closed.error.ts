/** Raised by publish, subscribe and ensureTopics once close() has been called. */
export class TransportClosedError extends Error {
  constructor(kind: 'kafka' | 'in-process') {
    super(`the ${kind} transport is closed`);
    this.name = 'TransportClosedError';
  }
}
