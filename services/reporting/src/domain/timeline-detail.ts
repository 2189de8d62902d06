/** What a timeline entry says besides its type: codes, dates and ids of the event, never prose. */
export type TimelineDetail = Record<string, string | number | boolean>;

/**
 * The fields of an event's data a timeline shows, by name: each holds a code of a closed list, a
 * date, a number, or an id (which report, which action, which letter), so that two steps of one
 * type can be told apart (two reviews due: of which action; included in which report). Anything
 * else, and any value that is not a code (a space, more than 64 characters), is left out: the
 * timeline never holds a text someone wrote.
 */
const SHOWN_FIELDS = [
  'inScope',
  'cooperationCategory',
  'perpetratorType',
  'outOfScopeReason',
  'risk',
  'urgency',
  'track',
  'stage',
  'outcome',
  'concludedOn',
  'lateForCycle',
  'actionType',
  'reach',
  'naming',
  'priority',
  'ladderLevel',
  'responseActionId',
  'reason',
  'trigger',
  'fromLevel',
  'nextActionType',
  'reviewOn',
  'fromVersion',
  'toVersion',
  'communicationId',
  'kind',
  'language',
  'sentOn',
  'replyDueOn',
  'replyType',
  'receivedOn',
  'deadline',
  'symbol',
  'version',
  'annex',
] as const;

const CODE = /^[A-Za-z0-9][A-Za-z0-9./:_-]{0,63}$/;

export function timelineDetailOf(data: unknown): TimelineDetail | null {
  if (data === null || typeof data !== 'object') return null;
  const fields = data as Record<string, unknown>;
  const detail: TimelineDetail = {};
  for (const name of SHOWN_FIELDS) {
    const value = fields[name];
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
      detail[name] = value;
    else if (typeof value === 'string' && CODE.test(value)) detail[name] = value;
  }
  return Object.keys(detail).length > 0 ? detail : null;
}
