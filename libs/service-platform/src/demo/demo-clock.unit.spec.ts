import { ManualClock } from '@reprisals/kernel';
import { DemoClock } from './demo-clock';

describe('the demo clock', () => {
  it('reads the system time until moved, then keeps its offset while the system time runs on', () => {
    const system = new ManualClock('2026-11-30T10:00:00.000Z');
    const clock = new DemoClock(system);
    expect(clock.now().toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(clock.offset()).toBe(0);

    clock.set(new Date('2023-05-02T09:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2023-05-02T09:00:00.000Z');
    system.advance(90_000);
    expect(clock.now().toISOString()).toBe('2023-05-02T09:01:30.000Z');
    expect(clock.offset()).toBe(
      new Date('2023-05-02T09:00:00.000Z').getTime() - new Date('2026-11-30T10:00:00.000Z').getTime(),
    );

    clock.set(new Date('2027-01-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    clock.set(null);
    expect(clock.now().toISOString()).toBe(system.now().toISOString());
    expect(clock.offset()).toBe(0);
  });
});
