import { InProcessTransport } from './in-process.transport';
import { describeTransportContract } from './transport-contract.suite';
import { deferred, eventually, recordingHandler, recordingLogger } from './transport.test-support';

describeTransportContract('InProcessTransport', () => {
  const transport = new InProcessTransport({ logger: recordingLogger() });
  return Promise.resolve({ transport, cleanup: () => transport.close() });
});

describe('InProcessTransport', () => {
  const message = (value: string, key = 'case-1') => ({ topic: 'intake.events', key, headers: {}, value });

  it('drops messages of a topic nobody subscribes to', async () => {
    const transport = new InProcessTransport({ logger: recordingLogger() });
    await expect(transport.publish([message('nobody listens')])).resolves.toBeUndefined();
    await transport.close();
  });

  it('rejects publish once a handler keeps rejecting past its retries, and fails what was queued behind it', async () => {
    const logger = recordingLogger();
    const transport = new InProcessTransport({
      logger,
      handlerRetry: { retries: 2, initialDelayMs: 1, maxDelayMs: 2 },
    });
    const calls: string[] = [];
    await transport.subscribe({
      group: 'verification',
      topics: ['intake.events'],
      handler: (delivered) => {
        calls.push(delivered.value);
        return delivered.value === 'poisoned'
          ? Promise.reject(new Error('database unavailable'))
          : Promise.resolve();
      },
    });

    const failing = transport.publish([message('poisoned')]);
    const queuedBehind = transport.publish([message('later')]);

    await expect(failing).rejects.toThrow(/rejected a message of intake.events 3 times/);
    await expect(queuedBehind).rejects.toThrow(/rejected a message/);
    expect(calls).toEqual(['poisoned', 'poisoned', 'poisoned']);
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(2);
    expect(JSON.stringify(logger.entries)).not.toContain('database unavailable');

    // A publish made after the failure was reported starts afresh.
    await transport.publish([message('after the failure')]);
    expect(calls).toEqual(['poisoned', 'poisoned', 'poisoned', 'after the failure']);
    await transport.close();
  });

  it('shares a group between its subscriptions, each key always going to the same member', async () => {
    const transport = new InProcessTransport({ logger: recordingLogger() });
    const first = recordingHandler();
    const second = recordingHandler();
    await transport.subscribe({ group: 'reporting', topics: ['intake.events'], handler: first });
    await transport.subscribe({ group: 'reporting', topics: ['intake.events'], handler: second });
    const keys = Array.from({ length: 20 }, (_, index) => `case-${index}`);

    await transport.publish(keys.flatMap((key) => [message(`${key}/1`, key), message(`${key}/2`, key)]));

    expect(first.received.length + second.received.length).toBe(40);
    expect(first.received.length).toBeGreaterThan(0);
    expect(second.received.length).toBeGreaterThan(0);
    const firstKeys = new Set(first.received.map(({ key }) => key));
    expect(second.received.some(({ key }) => firstKeys.has(key))).toBe(false);
    await transport.close();
  });

  it('gives every delivery its own copy of the message', async () => {
    const transport = new InProcessTransport({ logger: recordingLogger() });
    const original = { topic: 'intake.events', key: 'case-1', headers: { ce_id: 'a' }, value: 'v' };
    await transport.subscribe({
      group: 'tampering',
      topics: ['intake.events'],
      handler: (delivered) => {
        delivered.headers['ce_id'] = 'changed';
        return Promise.resolve();
      },
    });
    const observer = recordingHandler();
    await transport.subscribe({ group: 'observer', topics: ['intake.events'], handler: observer });

    await transport.publish([original]);

    expect(original.headers.ce_id).toBe('a');
    expect(observer.received[0]?.headers['ce_id']).toBe('a');
    await transport.close();
  });

  it('waits in close() for the delivery in flight and refuses what was still queued', async () => {
    const transport = new InProcessTransport({ logger: recordingLogger() });
    const gate = deferred();
    const started: string[] = [];
    const handled: string[] = [];
    await transport.subscribe({
      group: 'slow',
      topics: ['intake.events'],
      handler: async (delivered) => {
        started.push(delivered.value);
        if (delivered.value === 'first') await gate.promise;
        handled.push(delivered.value);
      },
    });
    const inFlight = transport.publish([message('first')]);
    const queued = transport.publish([message('second')]);
    inFlight.catch(() => undefined);
    queued.catch(() => undefined);
    await eventually(() => started.includes('first'), {
      timeoutMs: 1_000,
      description: 'the first delivery to start',
    });

    let closed = false;
    const closing = transport.close().then(() => (closed = true));
    expect(closed).toBe(false);
    gate.resolve();
    await closing;

    expect(handled).toEqual(['first']);
    await expect(inFlight).resolves.toBeUndefined();
    await expect(queued).rejects.toThrow(/closed/);
  });
});
