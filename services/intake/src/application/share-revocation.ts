import { CaseAccessProjection } from '@reprisals/case-access';
import { createEvent, ShareRevoked } from '@reprisals/contracts';
import type { UnitOfWork } from '@reprisals/messaging';
import type { ActingUser } from '@reprisals/security';
import type { CaseShare } from '../domain/case-share';
import { saveShareStatus } from '../infrastructure/persistence/case-share.repository';
import { userEventContext } from './user-event-context';

const projection = new CaseAccessProjection();

/**
 * Writes a revoked share, its ShareRevoked event and intake's own access projection, in the
 * caller's transaction: every service stops showing the case to that entity.
 */
export async function recordShareRevocation(
  unit: UnitOfWork,
  revoked: CaseShare,
  user: ActingUser,
  now: Date,
): Promise<void> {
  await saveShareStatus(unit.manager, revoked, now);
  const event = createEvent(
    ShareRevoked,
    { caseId: revoked.caseId, shareId: revoked.shareId, entity: revoked.entity },
    userEventContext(revoked.caseId, user, now),
  );
  unit.record(event);
  await projection.project(unit.manager, event);
}
