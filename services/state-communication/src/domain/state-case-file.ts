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
}

export function openStateCaseFile(
  allegation: { caseId: string; reference: string; stateConcerned: string; leadEntity: string },
  now: Date,
): StateCaseFile {
  return { ...allegation, communicationsSent: 0, openedAt: now };
}
