/**
 * Runs tasks one at a time, in the order they were queued.
 *
 * When a task fails, every task queued behind it (queued while it was pending) fails with the
 * same error without running: a later message is never accepted after an earlier one of the same
 * stream failed, so per-key order survives failures. Tasks queued after the failure was reported
 * start afresh.
 */
export class OrderedQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result;
    const reset = (): void => {
      if (this.tail === result) this.tail = Promise.resolve();
    };
    result.then(reset, reset);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail.then(
      () => undefined,
      () => undefined,
    );
  }
}
