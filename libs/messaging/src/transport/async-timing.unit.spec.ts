import { abortableDelay, backoffDelayMs, withTimeout } from './async-timing';

describe('backoffDelayMs', () => {
  it('doubles from the initial delay up to the cap', () => {
    const policy = { initialDelayMs: 100, maxDelayMs: 5_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffDelayMs(attempt, policy))).toEqual([
      100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000,
    ]);
  });
});

describe('abortableDelay', () => {
  it('resolves at once when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = abortableDelay(60_000, controller.signal);
    controller.abort();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('withTimeout', () => {
  it('passes the result through, or rejects once the time is up', async () => {
    await expect(withTimeout(Promise.resolve('done'), 1_000, 'work')).resolves.toBe('done');
    await expect(withTimeout(new Promise(() => undefined), 1, 'describeCluster')).rejects.toThrow(
      'describeCluster did not complete within 1 ms',
    );
  });
});
