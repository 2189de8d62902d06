import { patchKafkajsIdleLoop } from './kafkajs-idle-loop.patch';

interface QueueUnderTest {
  pending: unknown[];
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
  destroy(): void;
}

// The same module kafkajs's connections use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => QueueUnderTest;

const newQueue = (): QueueUnderTest =>
  new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 1_000,
    enforceRequestTimeout: false,
    clientId: 'patch-test',
    broker: '127.0.0.1:9092',
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });

describe('patchKafkajsIdleLoop', () => {
  beforeAll(() => {
    patchKafkajsIdleLoop();
    patchKafkajsIdleLoop();
  });

  it('arms no timer while no request waits', () => {
    const queue = newQueue();
    try {
      queue.scheduleCheckPendingRequests();
      expect(queue.throttleCheckTimeoutId).toBeNull();
    } finally {
      queue.destroy();
    }
  });

  it('still schedules a check for a waiting request', () => {
    const queue = newQueue();
    try {
      queue.pending.push({});
      queue.scheduleCheckPendingRequests();
      expect(queue.throttleCheckTimeoutId).not.toBeNull();
    } finally {
      queue.destroy();
    }
  });
});
