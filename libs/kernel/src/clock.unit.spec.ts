import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('moves only when advanced', () => {
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-05-01T00:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-05-01T00:01:00.000Z');
  });
});
