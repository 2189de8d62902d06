import { eventually, eventuallyExpect } from './eventually';

describe('eventually', () => {
  it('returns the first truthy value', async () => {
    let calls = 0;
    const value = await eventually(async () => (++calls >= 3 ? { calls } : undefined), { intervalMs: 1 });
    expect(value).toEqual({ calls: 3 });
  });

  it('retries a probe that throws', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return 'ready';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('ready');
  });

  it('names the description and the last value on the deadline', async () => {
    await expect(
      eventually(async () => false, { timeoutMs: 60, intervalMs: 5, description: 'the outbox to drain' }),
    ).rejects.toThrow(/waiting for the outbox to drain; last value: false/);
  });

  it('reports the last error seen', async () => {
    await expect(
      eventually(
        async () => {
          throw new Error('connection refused');
        },
        { timeoutMs: 60, intervalMs: 5, description: 'the broker' },
      ),
    ).rejects.toThrow(/the broker; last error: connection refused/);
  });

  it('does not wait for a probe that hangs past the deadline', async () => {
    const startedAt = Date.now();
    await expect(eventually(() => new Promise<string>(() => undefined), { timeoutMs: 80 })).rejects.toThrow(
      /Timed out after 80 ms/,
    );
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });
});

describe('eventuallyExpect', () => {
  it('passes once the assertion passes', async () => {
    let counter = 0;
    await eventuallyExpect(() => expect(++counter).toBeGreaterThanOrEqual(3), { intervalMs: 1 });
    expect(counter).toBe(3);
  });

  it('fails with the last assertion failure', async () => {
    await expect(
      eventuallyExpect(() => expect(1).toBe(2), {
        timeoutMs: 50,
        intervalMs: 5,
        description: 'the timeline',
      }),
    ).rejects.toThrow(/the timeline not met within 50 ms: .*toBe/s);
  });
});
