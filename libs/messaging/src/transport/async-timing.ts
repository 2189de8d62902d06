/** Exponential backoff between attempts: initialDelayMs, doubled per attempt, capped at maxDelayMs. */
export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Delay before retry number `attempt` (1 for the first retry). */
export const backoffDelayMs = (attempt: number, policy: BackoffPolicy): number =>
  Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
export const abortableDelay = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not complete within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Settles like `work`, or rejects with a TimeoutError after `ms` (the work itself is not cancelled). */
export const withTimeout = async <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
