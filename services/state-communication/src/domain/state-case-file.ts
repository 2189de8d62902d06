import type { AllegationReceivedData } from '@reprisals/contracts';
import { caseFactsOf, type CaseFacts } from './communication/case-facts';

/**
 * A case as the State-facing side follows it: which State it concerns and, later, the
 * communications sent and the replies received. Opening it contacts nobody.
 */
export interface StateCaseFile {
  caseId: string;
  reference: string;
  stateConcerned: string;
  leadEntity: string;
  communicationsSent: number;
  openedAt: Date;
  /** What communications may say about the case: codes and dates, never a name or a place. */
  facts: CaseFacts;
}

export function openStateCaseFile(
  allegation: Pick<
    AllegationReceivedData,
    'caseId' | 'reference' | 'stateConcerned' | 'leadEntity' | 'acts' | 'cooperation'
  >,
  now: Date,
): StateCaseFile {
  return {
    caseId: allegation.caseId,
    reference: allegation.reference,
    stateConcerned: allegation.stateConcerned,
    leadEntity: allegation.leadEntity,
    communicationsSent: 0,
    openedAt: now,
    facts: caseFactsOf(allegation),
  };
}
