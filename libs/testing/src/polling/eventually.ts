import { setTimeout as delay } from 'node:timers/promises';
import { inspect } from 'node:util';

export interface EventuallyOptions {
  /** Give up after this long. Default 10 000 ms. */
  timeoutMs?: number;
  /** Pause between attempts. Default 50 ms. */
  intervalMs?: number;
  /** What is awaited, for the failure message, e.g. "the case to reach reporting". */
  description?: string;
}

/**
 * Polls `probe` until it returns a truthy value and returns that value. A probe that throws or
 * returns undefined/false/null/0/'' is tried again until the deadline; then the returned promise
 * rejects with an error naming `description` and the last value or error seen. A probe that
 * hangs does not hold the test past the deadline.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 50, description = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: { value: unknown } | { error: unknown } = { value: undefined };
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      const value = await beforeDeadline(Promise.resolve().then(probe), deadline);
      if (value) return value;
      last = { value };
    } catch (error) {
      if (error !== DEADLINE) last = { error };
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const seen =
        'error' in last ? `last error: ${describeError(last.error)}` : `last value: ${inspect(last.value)}`;
      throw new Error(
        `Timed out after ${timeoutMs} ms (${attempts} attempts) waiting for ${description}; ${seen}`,
        {
          cause: 'error' in last ? last.error : undefined,
        },
      );
    }
    await delay(Math.min(intervalMs, remaining));
  }
}

/**
 * Retries `assertion` (e.g. a block of jest expect() calls) until it stops throwing. On the
 * deadline it rejects with the last assertion failure, prefixed with `description`.
 */
export async function eventuallyExpect(
  assertion: () => Promise<void> | void,
  options: EventuallyOptions = {},
): Promise<void> {
  const { timeoutMs = 10_000, intervalMs = 50, description = 'expectation' } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await beforeDeadline(Promise.resolve().then(assertion), deadline);
      return;
    } catch (error) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const last = error === DEADLINE ? 'the last attempt did not finish' : describeError(error);
        const failure = new Error(`${description} not met within ${timeoutMs} ms: ${last}`, { cause: error });
        if (error instanceof Error && error !== DEADLINE && error.stack)
          failure.stack = `${failure.message}\n${error.stack}`;
        throw failure;
      }
      await delay(Math.min(intervalMs, remaining));
    }
  }
}

const DEADLINE = new Error('deadline reached');

function beforeDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(DEADLINE), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : inspect(error);
}
