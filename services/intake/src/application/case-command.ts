import { CaseAccessReader, type CaseAccessView } from '@reprisals/case-access';
import type { EntityManager } from 'typeorm';
import { ShareRefused } from '../domain/case-share';
import { lockCase } from '../infrastructure/persistence/case-share.repository';
import { CaseNotVisible } from './case-share-refusal';

const reader = new CaseAccessReader();

/**
 * The start of every command on a case: the case is locked for the rest of the transaction
 * (one command at a time per case), and it must exist for the caller's entity (404 otherwise,
 * audited as `no-share`). With `leadOnly`, an entity that only holds a share is refused (403,
 * `not-lead`) with the reason given.
 */
export async function openCaseForCommand(
  manager: EntityManager,
  caseId: string,
  entity: string,
  now: Date,
  leadOnly?: { refusal: string },
): Promise<CaseAccessView> {
  if (!(await lockCase(manager, caseId))) throw new CaseNotVisible();
  const access = await reader.accessOf(manager, caseId, entity, now);
  if (!access.visible) throw new CaseNotVisible();
  if (leadOnly && access.leadEntity !== entity)
    throw new ShareRefused('not-lead', '(body)', leadOnly.refusal);
  return access;
}
