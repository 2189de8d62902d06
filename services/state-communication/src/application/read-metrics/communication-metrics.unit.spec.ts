import { COMMUNICATION_KINDS, STATE_REPLY_TYPES } from '@reprisals/contracts';
import { communicationMetrics, nearestRank, type MeasuredCommunication } from './communication-metrics';
import { communicationMetricsCsv, METRICS_CSV_COLUMNS } from './communication-metrics.csv';

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
/** The day the figures are taken: every deadline of the period has passed. */
const TODAY = '2027-06-30';
const DAY_MS = 86_400_000;
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

/** A communication sent on `sentOn` (10:00 UTC), with a deadline 60 days later. */
function sent(
  state: string,
  sentOn: string,
  options: {
    kind?: string;
    replies?: Array<{ type: string; after: number }>;
    remindersSent?: number[];
    deadlineMissed?: boolean;
    policyVersion?: string;
  } = {},
): MeasuredCommunication {
  const replies = (options.replies ?? []).map((reply) => ({
    type: reply.type,
    receivedOn: dayAfter(sentOn, reply.after),
  }));
  return {
    stateConcerned: state,
    kind: options.kind ?? 'note-verbale',
    status: replies.length > 0 ? 'replied' : 'sent',
    schedule: {
      sentAt: `${sentOn}T10:00:00.000Z`,
      replyDueOn: dayAfter(sentOn, 60),
      reminders: [],
      deadlineMissedAt: `${dayAfter(sentOn, 75)}T00:00:00.000Z`,
      policyVersion: options.policyVersion ?? 'state-communication/v1',
    },
    remindersSent: options.remindersSent ?? [],
    deadlineMissed: options.deadlineMissed ?? false,
    replies,
    history: [{ at: `${sentOn}T10:00:00.000Z`, step: 'sent', by: { role: null, entity: null } }],
  };
}

/** A communication drafted on `draftedOn` that never left: stopped or given up on `endedOn`. */
function notSent(
  state: string,
  outcome: 'stopped' | 'failed',
  draftedOn: string,
  endedOn: string,
): MeasuredCommunication {
  const by = { role: null, entity: null };
  return {
    stateConcerned: state,
    kind: 'allegation-letter',
    status: outcome,
    schedule: null,
    remindersSent: [],
    deadlineMissed: false,
    replies: [],
    history: [
      { at: `${draftedOn}T08:00:00.000Z`, step: 'drafted', by },
      {
        at: `${endedOn}T23:30:00.000Z`,
        step: outcome === 'stopped' ? 'stopped:no-consent' : 'dispatch-failed',
        by,
      },
    ],
  };
}

describe('figures of communications with States', () => {
  it('given communications of several kinds sent in and out of the period, when counted, then only those sent in it count, per State and overall, by kind', () => {
    const communications = [
      sent('BLR', '2026-03-01', { kind: 'note-verbale' }),
      sent('BLR', '2026-12-31', { kind: 'urgent-appeal' }),
      sent('BLR', '2025-12-31', { kind: 'note-verbale' }),
      sent('BLR', '2027-01-01', { kind: 'note-verbale' }),
      sent('NIC', '2026-01-01', { kind: 'allegation-letter' }),
      sent('NIC', '2026-06-15', { kind: 'call-for-input' }),
      sent('NIC', '2026-06-16', { kind: 'a-kind-not-yet-known' }),
    ];

    const metrics = communicationMetrics(communications, PERIOD, { today: TODAY });

    expect(metrics.states.map((state) => [state.state, state.sent])).toEqual([
      ['BLR', 2],
      ['NIC', 3],
    ]);
    const [blr, nic] = metrics.states;
    expect(blr!.sentByKind).toEqual({
      ...Object.fromEntries(COMMUNICATION_KINDS.map((kind) => [kind, 0])),
      'note-verbale': 1,
      'urgent-appeal': 1,
    });
    expect(nic!.sentByKind).toMatchObject({
      'allegation-letter': 1,
      'call-for-input': 1,
      'a-kind-not-yet-known': 1,
      'note-verbale': 0,
    });
    expect(metrics.overall.sent).toBe(5);
    expect(metrics.overall.sentByKind).toMatchObject({
      'note-verbale': 1,
      'urgent-appeal': 1,
      'allegation-letter': 1,
      'call-for-input': 1,
      'a-kind-not-yet-known': 1,
    });
  });

  it('given ten replied communications, when counted, then the median and 90th percentile of days to first reply are nearest-rank values', () => {
    const days = [30, 3, 12, 7, 60, 21, 1, 45, 14, 90];
    const communications = days.map((after) =>
      sent('BLR', '2026-02-01', { replies: [{ type: 'acknowledgement', after }] }),
    );

    const [blr] = communicationMetrics(communications, PERIOD, { today: TODAY }).states;

    // Sorted: 1 3 7 12 14 21 30 45 60 90; rank ⌈0.5·10⌉ = 5, rank ⌈0.9·10⌉ = 9.
    expect(blr).toMatchObject({ medianDaysToFirstReply: 14, p90DaysToFirstReply: 60 });
  });

  it('given sorted values, when a percentile is taken by nearest rank, then it is an observed value at rank ⌈p·n/100⌉', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([8], 90)).toBe(8);
    expect(nearestRank([2, 4], 50)).toBe(2);
    expect(nearestRank([2, 4, 6], 50)).toBe(4);
    // 90% of 30 is exactly 27: the 27th value, not the 28th.
    const thirty = Array.from({ length: 30 }, (_, index) => index + 1);
    expect(nearestRank(thirty, 90)).toBe(27);
    expect(nearestRank(thirty, 50)).toBe(15);
  });

  it('given communications that were never replied to, when counted, then replies are 0, the reply rate 0 and the days to first reply null', () => {
    const communications = [
      sent('BLR', '2026-04-01', { remindersSent: [1, 2], deadlineMissed: true }),
      sent('BLR', '2026-04-02', { remindersSent: [1] }),
    ];

    const [blr] = communicationMetrics(communications, PERIOD, { today: TODAY }).states;

    expect(blr).toMatchObject({
      sent: 2,
      replies: 0,
      repliedTo: 0,
      replyRate: 0,
      medianDaysToFirstReply: null,
      p90DaysToFirstReply: null,
      remindersSent: 3,
      deadlinesMissed: 1,
    });
    expect(blr!.repliesByType).toEqual(Object.fromEntries(STATE_REPLY_TYPES.map((type) => [type, 0])));
  });

  it('given replies before and after the deadline, when counted, then every reply counts by type, a late reply still counts as replied, and days run to the earliest reply', () => {
    const onTime = sent('BLR', '2026-05-01', {
      replies: [
        { type: 'substantive-reply', after: 40 },
        { type: 'acknowledgement', after: 10 },
      ],
      remindersSent: [],
    });
    const late = sent('BLR', '2026-05-01', {
      replies: [{ type: 'rejection-of-allegation', after: 80 }],
      remindersSent: [1, 2],
      deadlineMissed: true,
    });
    const silent = sent('BLR', '2026-05-01', { remindersSent: [1, 2], deadlineMissed: true });

    const [blr] = communicationMetrics([onTime, late, silent], PERIOD, { today: TODAY }).states;

    expect(blr).toMatchObject({
      sent: 3,
      replies: 3,
      repliesByType: {
        acknowledgement: 1,
        'substantive-reply': 1,
        'rejection-of-allegation': 1,
        'information-on-measures-taken': 0,
        'request-for-clarification': 0,
      },
      repliedTo: 2,
      replyRate: 0.667,
      medianDaysToFirstReply: 10,
      p90DaysToFirstReply: 80,
      remindersSent: 4,
      deadlinesMissed: 2,
    });
  });

  it('given communications that never left, when counted, then they count as stopped or failed on the day they stopped or failed, not the day they were drafted', () => {
    const communications = [
      notSent('BLR', 'stopped', '2025-12-20', '2026-01-01'),
      notSent('BLR', 'stopped', '2026-12-30', '2027-01-01'),
      notSent('BLR', 'failed', '2026-06-01', '2026-06-02'),
      notSent('NIC', 'failed', '2025-11-01', '2025-12-31'),
    ];

    const metrics = communicationMetrics(communications, PERIOD, { today: TODAY });

    expect(metrics.states).toHaveLength(1);
    expect(metrics.states[0]).toMatchObject({
      state: 'BLR',
      sent: 0,
      stopped: 1,
      failed: 1,
      replyRate: null,
      policyVersions: [],
    });
    expect(metrics.overall).toMatchObject({ sent: 0, stopped: 1, failed: 1, replyRate: null });
  });

  it('given a State asked for without communications in the period, when counted, then it is listed alone with zeros and null rates', () => {
    const communications = [sent('BLR', '2026-03-01'), sent('NIC', '2025-03-01')];

    const metrics = communicationMetrics(communications, PERIOD, { state: 'NIC', today: TODAY });

    expect(metrics.states).toEqual([
      expect.objectContaining({
        state: 'NIC',
        sent: 0,
        replies: 0,
        replyRate: null,
        medianDaysToFirstReply: null,
        stopped: 0,
        failed: 0,
      }),
    ]);
    expect(metrics.overall.sent).toBe(0);
  });

  it('given identical facts for two States, when counted, then their figures are identical and the overall figures are computed over both, not averaged', () => {
    const facts = (state: string) => [
      sent(state, '2026-02-01', { replies: [{ type: 'acknowledgement', after: 5 }], remindersSent: [1] }),
      sent(state, '2026-02-01', { kind: 'urgent-appeal', remindersSent: [1, 2], deadlineMissed: true }),
      sent(state, '2026-02-01', { policyVersion: 'state-communication/v10' }),
      sent(state, '2026-02-01', { policyVersion: 'state-communication/v2' }),
      notSent(state, 'stopped', '2026-02-01', '2026-02-02'),
    ];

    const metrics = communicationMetrics([...facts('BLR'), ...facts('NIC')], PERIOD, { today: TODAY });

    const [blr, nic] = metrics.states;
    const { state: blrCode, ...blrFigures } = blr!;
    const { state: nicCode, ...nicFigures } = nic!;
    expect([blrCode, nicCode]).toEqual(['BLR', 'NIC']);
    expect(nicFigures).toEqual(blrFigures);
    expect(blrFigures).toMatchObject({
      sent: 4,
      repliedTo: 1,
      replyRate: 0.25,
      medianDaysToFirstReply: 5,
      remindersSent: 3,
      deadlinesMissed: 1,
      stopped: 1,
      policyVersions: ['state-communication/v1', 'state-communication/v2', 'state-communication/v10'],
    });
    expect(metrics.overall).toMatchObject({ sent: 8, repliedTo: 2, replyRate: 0.25, remindersSent: 6 });
  });

  it('given letters still within their reply time on the day the figures are taken, when counted, then they are not yet due and the reply rate leaves them out', () => {
    const communications = [
      sent('BLR', '2026-01-10', { replies: [{ type: 'acknowledgement', after: 5 }] }),
      sent('BLR', '2026-02-10'),
      sent('NIC', '2026-01-10', { replies: [{ type: 'acknowledgement', after: 5 }] }),
      sent('NIC', '2026-11-20'),
    ];

    const metrics = communicationMetrics(communications, PERIOD, { today: '2026-12-01' });

    const [blr, nic] = metrics.states;
    expect(blr).toMatchObject({ sent: 2, repliedTo: 1, notYetDue: 0, replyRate: 0.5 });
    // Nicaragua's second letter is due on 2027-01-19: it is not yet counted as silence.
    expect(nic).toMatchObject({ sent: 2, repliedTo: 1, notYetDue: 1, replyRate: 1 });
    expect(metrics.overall).toMatchObject({ sent: 4, repliedTo: 2, notYetDue: 1, replyRate: 0.667 });
  });

  it('given figures, when written as CSV, then the header is the fixed column set and each State then ALL is a row of the same figures', () => {
    const metrics = communicationMetrics(
      [
        sent('BLR', '2026-02-01', { replies: [{ type: 'acknowledgement', after: 5 }] }),
        sent('NIC', '2026-02-01', { kind: 'a-kind-not-yet-known', remindersSent: [1] }),
      ],
      PERIOD,
      { today: TODAY },
    );

    const lines = communicationMetricsCsv(metrics).trimEnd().split('\r\n');

    expect(lines[0]).toBe(METRICS_CSV_COLUMNS.join(','));
    const rows = lines.slice(1).map((line) => {
      const cells = line.split(',');
      return Object.fromEntries(METRICS_CSV_COLUMNS.map((column, index) => [column, cells[index]]));
    });
    expect(rows.map((row) => row['state'])).toEqual(['BLR', 'NIC', 'ALL']);
    expect(rows[0]).toMatchObject({
      sent: '1',
      'sent.note-verbale': '1',
      'replies.acknowledgement': '1',
      reply_rate: '1',
      median_days_to_first_reply: '5',
      policy_versions: 'state-communication/v1',
    });
    expect(rows[1]).toMatchObject({
      'sent.other': '1',
      reply_rate: '0',
      median_days_to_first_reply: '',
      reminders_sent: '1',
    });
    expect(rows[2]).toMatchObject({ sent: '2', reply_rate: '0.5', 'sent.other': '1' });
  });
});
