import { isTransactionConflict, retryOnConflict } from './transaction-conflict';

const deadlock = Object.assign(new Error('deadlock detected'), { driverError: { code: '40P01' } });

describe('running a transaction again after a conflict', () => {
  it('given a deadlock then success, when retried, then the second run answers', async () => {
    let runs = 0;
    const answer = await retryOnConflict(async () => {
      runs += 1;
      if (runs === 1) throw deadlock;
      return 'done';
    });
    expect([answer, runs]).toEqual(['done', 2]);
  });

  it('given conflicts every time, when retried, then the last one is thrown after the attempts', async () => {
    let runs = 0;
    await expect(
      retryOnConflict(async () => {
        runs += 1;
        throw deadlock;
      }, 3),
    ).rejects.toBe(deadlock);
    expect(runs).toBe(3);
  });

  it('given any other error, when run, then it is thrown at once', async () => {
    let runs = 0;
    const other = Object.assign(new Error('unique violation'), { code: '23505' });
    await expect(
      retryOnConflict(async () => {
        runs += 1;
        throw other;
      }),
    ).rejects.toBe(other);
    expect(runs).toBe(1);
    expect(isTransactionConflict({ code: '40001' })).toBe(true);
  });
});
