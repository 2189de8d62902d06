import { stringify } from 'csv-stringify/sync';
import { COMMUNICATION_KINDS, STATE_REPLY_TYPES } from '@reprisals/contracts';
import type { CommunicationFigures, CommunicationMetrics } from './communication-metrics';

/**
 * The columns, the same for every request whatever was met, so that exports line up in a
 * spreadsheet: every kind and reply type of the vocabulary, and `other` for any word outside it.
 */
export const METRICS_CSV_COLUMNS = [
  'state',
  'sent',
  ...COMMUNICATION_KINDS.map((kind) => `sent.${kind}`),
  'sent.other',
  'replies',
  ...STATE_REPLY_TYPES.map((type) => `replies.${type}`),
  'replies.other',
  'replied_to',
  'not_yet_due',
  'reply_rate',
  'median_days_to_first_reply',
  'p90_days_to_first_reply',
  'reminders_sent',
  'deadlines_missed',
  'stopped',
  'failed',
  'policy_versions',
] as const;

/** One row per State, then `ALL`; an empty cell where a figure is null, versions separated by spaces. */
export function communicationMetricsCsv(metrics: CommunicationMetrics): string {
  const rows = [
    ...metrics.states.map((figures) => cellsOf(figures.state, figures)),
    cellsOf('ALL', metrics.overall),
  ];
  return stringify([[...METRICS_CSV_COLUMNS], ...rows], { record_delimiter: 'windows' });
}

function cellsOf(state: string, figures: CommunicationFigures): Array<string | number | null> {
  return [
    state,
    figures.sent,
    ...COMMUNICATION_KINDS.map((kind) => figures.sentByKind[kind] ?? 0),
    outside(COMMUNICATION_KINDS, figures.sentByKind),
    figures.replies,
    ...STATE_REPLY_TYPES.map((type) => figures.repliesByType[type] ?? 0),
    outside(STATE_REPLY_TYPES, figures.repliesByType),
    figures.repliedTo,
    figures.notYetDue,
    figures.replyRate,
    figures.medianDaysToFirstReply,
    figures.p90DaysToFirstReply,
    figures.remindersSent,
    figures.deadlinesMissed,
    figures.stopped,
    figures.failed,
    figures.policyVersions.join(' '),
  ];
}

const outside = (vocabulary: readonly string[], counts: Record<string, number>): number =>
  Object.entries(counts)
    .filter(([word]) => !vocabulary.includes(word))
    .reduce((total, [, count]) => total + count, 0);
