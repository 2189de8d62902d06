import type { VerificationCase } from './verification-case';

/**
 * When the case next needs a person, whatever the reason: an escalation due, an approval that
 * waits, a decided action's review date, the urgent track's deadline while urgent actions are
 * missing (decideAction clears it once they are all decided). A case is overdue once this moment has passed; null when nothing waits.
 */
export function attentionDueAt(current: VerificationCase): Date | null {
  if (current.stage === 'closed') return null;
  const moments: string[] = [];
  if (current.escalation) moments.push(current.escalation.dueSince);
  for (const approval of current.approvals) if (approval.status === 'pending') moments.push(approval.dueBy);
  for (const action of current.actions)
    if (action.status === 'decided' && (action.nextReviewAt ?? action.nextReviewOn))
      moments.push(action.nextReviewAt ?? `${action.nextReviewOn}T00:00:00.000Z`);
  if (current.urgentResponseDueAt) moments.push(current.urgentResponseDueAt);
  if (moments.length === 0) return null;
  return new Date(moments.sort()[0]!);
}
