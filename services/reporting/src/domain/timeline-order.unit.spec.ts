import { orderTimeline } from './timeline-order';

describe('ordering a case timeline', () => {
  it('given steps that arrived out of order, when ordered, then they follow time', () => {
    const ordered = orderTimeline([
      { eventId: 'b', occurredAt: '2026-05-02T10:00:01.000Z', causationId: null },
      { eventId: 'a', occurredAt: '2026-05-02T10:00:00.000Z', causationId: null },
    ]);
    expect(ordered.map((step) => step.eventId)).toEqual(['a', 'b']);
  });

  it('given a cause and its effect at the same instant, when ordered, then the cause comes first', () => {
    const ordered = orderTimeline([
      { eventId: 'aaa-effect', occurredAt: '2026-05-02T10:00:00.000Z', causationId: 'zzz-cause' },
      { eventId: 'zzz-cause', occurredAt: '2026-05-02T10:00:00.000Z', causationId: null },
    ]);
    expect(ordered.map((step) => step.eventId)).toEqual(['zzz-cause', 'aaa-effect']);
  });
});

describe('ordering a case timeline across hosts whose clocks disagree', () => {
  it('given an effect stamped before its cause, when ordered, then the cause still comes first', () => {
    const ordered = orderTimeline([
      { eventId: 'effect', occurredAt: '2026-05-02T09:59:59.900Z', causationId: 'cause' },
      { eventId: 'unrelated', occurredAt: '2026-05-02T09:59:59.950Z', causationId: null },
      { eventId: 'cause', occurredAt: '2026-05-02T10:00:00.000Z', causationId: null },
    ]);
    expect(ordered.map((step) => step.eventId)).toEqual(['unrelated', 'cause', 'effect']);
  });
});
