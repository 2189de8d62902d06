/**
 * Publishing did not complete: some or all of the messages may not have been accepted.
 * The caller (the outbox relay) keeps the messages and publishes them again later;
 * consumers deduplicate through their inbox.
 */
export class PublishFailedError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`publish failed: ${reason}`, options);
    this.name = 'PublishFailedError';
  }
}
