import { OrderedQueue } from './ordered-queue';
import { deferred } from './transport.test-support';

describe('OrderedQueue', () => {
  it('runs tasks one at a time in the order they were queued', async () => {
    const queue = new OrderedQueue();
    const gate = deferred();
    const log: string[] = [];
    const first = queue.run(async () => {
      log.push('first started');
      await gate.promise;
      log.push('first done');
      return 1;
    });
    const second = queue.run(() => {
      log.push('second');
      return Promise.resolve(2);
    });
    await Promise.resolve();
    expect(log).toEqual(['first started']);

    gate.resolve();

    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
    expect(log).toEqual(['first started', 'first done', 'second']);
  });

  it('fails the tasks queued behind a failed one without running them, then starts afresh', async () => {
    const queue = new OrderedQueue();
    const ran: string[] = [];
    const failing = queue.run(() => Promise.reject(new Error('broker unavailable')));
    const behind = queue.run(() => {
      ran.push('behind');
      return Promise.resolve();
    });

    await expect(failing).rejects.toThrow('broker unavailable');
    await expect(behind).rejects.toThrow('broker unavailable');
    expect(ran).toEqual([]);

    await expect(queue.run(() => Promise.resolve('fresh'))).resolves.toBe('fresh');
  });

  it('idle() waits for every queued task, failed or not', async () => {
    const queue = new OrderedQueue();
    const gate = deferred();
    let finished = false;
    void queue
      .run(() => gate.promise.then(() => Promise.reject(new Error('late failure'))))
      .catch(() => undefined);
    void queue
      .run(() => {
        finished = true;
        return Promise.resolve();
      })
      .catch(() => undefined);
    const idle = queue.idle();

    gate.resolve();
    await idle;

    expect(finished).toBe(false);
  });
});
