import { CaseAccessProjection } from '@reprisals/case-access';
import { ConsentRecorded, ConsentWithdrawn, createEvent } from '@reprisals/contracts';
import type { UnitOfWork } from '@reprisals/messaging';
import type { ActingUser } from '@reprisals/security';
import type { ConsentVersion } from '../domain/consent';
import { appendConsentVersion } from '../infrastructure/persistence/consent.repository';
import { userEventContext } from './user-event-context';

const projection = new CaseAccessProjection();

/**
 * Writes a new consent version, its event (ConsentRecorded or ConsentWithdrawn) and intake's own
 * projection of it, in the caller's transaction.
 */
export async function writeConsentVersion(
  unit: UnitOfWork,
  next: ConsentVersion,
  user: Pick<ActingUser, 'sub' | 'entity' | 'role' | 'policyVersion'>,
  now: Date,
): Promise<void> {
  await appendConsentVersion(unit.manager, next, user);
  const caseId = next.caseId;
  const metadata = userEventContext(caseId, user, now);
  const event =
    next.kind === 'withdrawn'
      ? createEvent(
          ConsentWithdrawn,
          {
            caseId,
            consentVersion: next.version,
            withdrawnBy: next.givenBy,
            withdrawnOn: next.givenOn,
            form: next.form,
          },
          metadata,
        )
      : createEvent(
          ConsentRecorded,
          {
            caseId,
            consentVersion: next.version,
            scopes: next.scopes,
            givenBy: next.givenBy,
            givenOn: next.givenOn,
            form: next.form,
          },
          metadata,
        );
  unit.record(event);
  await projection.project(unit.manager, event);
}
