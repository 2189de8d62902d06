/**
 * What the compilation of a report reads of a case: pseudonyms and categories, never a name or
 * a person's own words. The summary of an entry is written from these fields alone.
 */
export interface CaseForReport {
  caseId: string;
  reference: string;
  stateConcerned: string;
  receivedOn: string;
  victims: Array<{ kind: 'individual' | 'organisation'; profile: string | null }>;
  acts: Array<{ type: string; occurredOn: string | null; online: boolean; perpetrator: string }>;
  cooperation: { mechanism: string; category: string } | null;
  /** Screening's answer: in scope, out of scope, or not screened yet. */
  scope: 'in' | 'out' | null;
  verification: { outcome: string; concludedOn: string } | null;
  /** Current consent to publication; a withdrawal leaves `no`. */
  publication: 'named' | 'anonymous' | 'no';
  protectionFlagged: boolean;
  actions: Array<{ type: string; status: string; decidedOn: string }>;
  /** The State's replies to the communications about the case, by the day received. */
  stateReplies: Array<{ type: string; receivedOn: string }>;
  /** The symbols of the finalised reports the case was included in. */
  includedIn: string[];
}
