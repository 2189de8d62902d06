export type AuditProblemKind =
  'hash-mismatch' | 'broken-link' | 'missing-record' | 'checkpoint-signature' | 'checkpoint-head-mismatch';

/**
 * The first thing found wrong, in chain order.
 * - hash-mismatch: the record's content no longer matches its hash (it was changed).
 * - broken-link: the record is not where the chain puts it: its successor does not link to it
 *   (it was inserted), or it links to a later record (the order was changed).
 * - missing-record: the record this one links to is not in the chain (it was deleted, or
 *   rewritten under a new hash); or a checkpoint names a record that is gone.
 * - checkpoint-signature: a checkpoint's signature is not valid for a trusted key of its key id.
 * - checkpoint-head-mismatch: the record a checkpoint names is not the head it signed (its hash,
 *   or the number of records up to it, differs).
 */
export interface AuditProblem {
  problem: AuditProblemKind;
  /** The seq of the record named. */
  seq: string;
  /** The id of the record named; the checkpoint's id when that record is gone. */
  id: string;
  /** Set when a checkpoint found the problem. */
  checkpointId?: string;
}

export interface AuditVerification {
  ok: boolean;
  recordsChecked: number;
  checkpointsChecked: number;
  /**
   * The last record covered by a checkpoint that verified: records up to it are proven to be the
   * ones signed; records after it are only consistent with one another.
   */
  lastCheckpointedSeq?: string;
  firstProblem?: AuditProblem;
}
