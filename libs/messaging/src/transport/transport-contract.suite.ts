import type { DeliveredMessage, EventTransport, TransportMessage } from './event-transport';
import { eventually, recordingHandler, uniqueName } from './transport.test-support';

export interface TransportUnderTest {
  transport: EventTransport;
  /** Closes the transport and releases whatever makeTransport set up; may be called after close(). */
  cleanup(): Promise<void>;
}

export interface TransportContractOptions {
  /** How long a test waits for deliveries. Default 20 s. */
  timeoutMs?: number;
}

const content = ({ topic, key, headers, value }: TransportMessage): TransportMessage => ({
  topic,
  key,
  headers,
  value,
});

/**
 * The behaviour every EventTransport adapter must show. Each test uses its own topics and
 * groups; topics are ensured first (a no-op where the transport has no such notion).
 */
export const describeTransportContract = (
  name: string,
  makeTransport: () => Promise<TransportUnderTest>,
  options: TransportContractOptions = {},
): void => {
  const timeoutMs = options.timeoutMs ?? 20_000;

  describe(`${name}: transport contract`, () => {
    let subject: TransportUnderTest | undefined;
    const transport = (): EventTransport => {
      if (!subject) throw new Error('the transport under test was not created');
      return subject.transport;
    };
    const freshTopic = async (label: string): Promise<string> => {
      const topic = uniqueName(`contract-${label}`);
      await transport().ensureTopics([topic]);
      return topic;
    };

    beforeAll(async () => {
      subject = await makeTransport();
    });

    afterAll(async () => {
      await subject?.cleanup();
    });

    it('delivers a published message with identical key, headers and value', async () => {
      const topic = await freshTopic('identity');
      const handler = recordingHandler();
      await transport().subscribe({
        group: uniqueName('identity'),
        topics: [topic],
        handler,
        fromBeginning: true,
      });
      const message: TransportMessage = {
        topic,
        key: 'case-5f1c0a2e',
        headers: {
          ce_id: '0b6f2a4c-9d2e-4c1b-8f3a-2d5e7c9a1b3d',
          ce_type: 'un.reprisals.intake.allegation-received.v1',
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          'content-type': 'application/json; charset=utf-8',
          ce_subject: 'Ünïcödé ✓',
        },
        value: JSON.stringify({ caseId: 'case-5f1c0a2e', summary: 'Kinyarwanda, العربية, 中文 ✓' }),
      };

      await transport().publish([message]);

      await eventually(() => handler.received.length === 1, {
        timeoutMs,
        description: 'the message to arrive',
      });
      const [received] = handler.received;
      expect(content(received as DeliveredMessage)).toEqual(message);
      expect(typeof received?.position).toBe('string');
    });

    it('delivers every message to each group', async () => {
      const topic = await freshTopic('groups');
      const first = recordingHandler();
      const second = recordingHandler();
      await transport().subscribe({
        group: uniqueName('group-a'),
        topics: [topic],
        handler: first,
        fromBeginning: true,
      });
      await transport().subscribe({
        group: uniqueName('group-b'),
        topics: [topic],
        handler: second,
        fromBeginning: true,
      });
      const messages = ['a', 'b', 'c', 'd', 'e'].map((value, index) => ({
        topic,
        key: `case-${index % 2}`,
        headers: { ce_id: `id-${value}` },
        value,
      }));

      await transport().publish(messages);

      await eventually(() => first.received.length >= 5 && second.received.length >= 5, {
        timeoutMs,
        description: 'both groups to receive the five messages',
      });
      const values = (received: DeliveredMessage[]): string[] => received.map(({ value }) => value).sort();
      expect(values(first.received)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(values(second.received)).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('keeps per-key order for 200 messages over 10 keys published by concurrent calls', async () => {
      const topic = await freshTopic('order');
      const handler = recordingHandler();
      await transport().subscribe({
        group: uniqueName('order'),
        topics: [topic],
        handler,
        fromBeginning: true,
      });
      const keys = Array.from({ length: 10 }, (_, index) => `case-${index}`);
      // Four calls of 50 messages, made without waiting: call n carries sequence 5n..5n+4 of every key.
      const calls = Array.from({ length: 4 }, (_, call) =>
        Array.from({ length: 5 }, (_, step) => call * 5 + step).flatMap((sequence) =>
          keys.map((key) => ({
            topic,
            key,
            headers: { sequence: String(sequence) },
            value: `${key}#${sequence}`,
          })),
        ),
      );

      await Promise.all(calls.map((messages) => transport().publish(messages)));

      await eventually(() => handler.received.length >= 200, {
        timeoutMs,
        description: '200 messages to arrive',
      });
      expect(handler.received).toHaveLength(200);
      for (const key of keys) {
        const sequences = handler.received
          .filter((message) => message.key === key)
          .map((message) => Number(message.headers['sequence']));
        expect(sequences).toEqual(Array.from({ length: 20 }, (_, index) => index));
      }
    });

    it('delivers a rejected message again, and later messages of its key only after it', async () => {
      const topic = await freshTopic('redelivery');
      const calls: DeliveredMessage[] = [];
      let rejections = 0;
      const handler = (message: DeliveredMessage): Promise<void> => {
        calls.push(message);
        if (message.value === 'first' && rejections < 2) {
          rejections += 1;
          return Promise.reject(new Error('database unavailable'));
        }
        return Promise.resolve();
      };
      await transport().subscribe({
        group: uniqueName('redelivery'),
        topics: [topic],
        handler,
        fromBeginning: true,
      });
      const first = { topic, key: 'case-retry', headers: { ce_id: 'first' }, value: 'first' };
      const second = { topic, key: 'case-retry', headers: { ce_id: 'second' }, value: 'second' };

      await transport().publish([first, second]);

      await eventually(() => calls.some((message) => message.value === 'second'), {
        timeoutMs,
        description: 'the second message to arrive',
      });
      expect(calls.map(({ value }) => value)).toEqual(['first', 'first', 'first', 'second']);
      for (const delivery of calls.slice(0, 3)) expect(content(delivery)).toEqual(first);
    });

    it('rejects publish, subscribe and ensureTopics after close, and reports down', async () => {
      const closing = await makeTransport();
      try {
        const topic = uniqueName('contract-closed');
        await closing.transport.close();
        await closing.transport.close();
        await expect(
          closing.transport.publish([{ topic, key: 'k', headers: {}, value: 'v' }]),
        ).rejects.toThrow(/closed/);
        await expect(
          closing.transport.subscribe({
            group: uniqueName('closed'),
            topics: [topic],
            handler: () => Promise.resolve(),
          }),
        ).rejects.toThrow(/closed/);
        await expect(closing.transport.ensureTopics([topic])).rejects.toThrow(/closed/);
        expect((await closing.transport.health()).up).toBe(false);
      } finally {
        await closing.cleanup();
      }
    });
  });
};
