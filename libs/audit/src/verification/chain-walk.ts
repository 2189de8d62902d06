import { GENESIS_HASH, hashAuditRecord } from '../chain/record-hash';
import type { AuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import type { AuditRecordView } from '../records/audit-record.view';
import { isCheckpointSignatureValid } from '../signing/checkpoint-signature';
import type { TrustedAuditKeys } from '../signing/trusted-keys';
import type { AuditProblem, AuditVerification } from './audit-verification';

/** Where a record sits in the chain. */
export interface ChainPosition {
  seq: string;
  id: string;
}

/** A record whose previous hash is not the hash of the record before it. */
export interface UnlinkedRecord {
  record: ChainPosition;
  previousHash: string;
  predecessor: ChainPosition | undefined;
}

export type ChainStep =
  | { kind: 'ok' }
  | { kind: 'problem'; problem: AuditProblem }
  | { kind: 'unlinked'; unlinked: UnlinkedRecord };

export interface ChainWalkOptions {
  /**
   * The previous hash the first record must carry: GENESIS_HASH (the default) for a whole chain,
   * or the first record's own previous hash for an excerpt that starts later.
   */
  anchor?: string;
}

/**
 * Checks records one at a time in seq order, and every checkpoint when the walk reaches the
 * record it names. Pure: it reads nothing but what it is given. Stops being useful after the
 * first step that is not ok.
 */
export class ChainWalk {
  private readonly checkpoints: AuditCheckpointView[];
  private readonly anchor: string;
  private readonly countsFromGenesis: boolean;
  private nextCheckpoint = 0;
  private previous: AuditRecordView | undefined;
  private records = 0;
  private checkpointsVerified = 0;
  private lastCheckpointed: string | undefined;

  constructor(
    checkpoints: readonly AuditCheckpointView[],
    private readonly keys: TrustedAuditKeys,
    options: ChainWalkOptions = {},
  ) {
    this.checkpoints = [...checkpoints].sort((a, b) => compareSeq(a.lastSeq, b.lastSeq));
    this.anchor = options.anchor ?? GENESIS_HASH;
    this.countsFromGenesis = this.anchor === GENESIS_HASH;
  }

  next(record: AuditRecordView): ChainStep {
    this.records += 1;
    const skipped = this.checkpoints[this.nextCheckpoint];
    if (skipped && compareSeq(skipped.lastSeq, record.seq) < 0) return this.headMissing(skipped);
    if (hashAuditRecord(record) !== record.hash) {
      return problem({ problem: 'hash-mismatch', seq: record.seq, id: record.id });
    }
    const expected = this.previous?.hash ?? this.anchor;
    if (record.previousHash !== expected) {
      const predecessor = this.previous && { seq: this.previous.seq, id: this.previous.id };
      return {
        kind: 'unlinked',
        unlinked: {
          record: { seq: record.seq, id: record.id },
          previousHash: record.previousHash,
          predecessor,
        },
      };
    }
    this.previous = record;
    for (;;) {
      const checkpoint = this.checkpoints[this.nextCheckpoint];
      if (!checkpoint || compareSeq(checkpoint.lastSeq, record.seq) !== 0) return { kind: 'ok' };
      const found = this.checkCheckpoint(checkpoint, record);
      if (found) return problem(found);
      this.nextCheckpoint += 1;
      this.checkpointsVerified += 1;
      this.lastCheckpointed = record.seq;
    }
  }

  /** After the last record: a checkpoint not reached names a record that is gone. */
  end(): AuditProblem | undefined {
    const left = this.checkpoints[this.nextCheckpoint];
    return left && this.headMissing(left).problem;
  }

  result(firstProblem?: AuditProblem): AuditVerification {
    return {
      ok: firstProblem === undefined,
      recordsChecked: this.records,
      checkpointsChecked: this.checkpointsVerified,
      ...(this.lastCheckpointed ? { lastCheckpointedSeq: this.lastCheckpointed } : {}),
      ...(firstProblem ? { firstProblem } : {}),
    };
  }

  private checkCheckpoint(checkpoint: AuditCheckpointView, head: AuditRecordView): AuditProblem | undefined {
    const named = { seq: head.seq, id: head.id, checkpointId: checkpoint.id };
    if (!isCheckpointSignatureValid(checkpoint, this.keys))
      return { problem: 'checkpoint-signature', ...named };
    const countDiffers = this.countsFromGenesis && checkpoint.recordCount !== this.records;
    if (checkpoint.headHash !== head.hash || countDiffers) {
      return { problem: 'checkpoint-head-mismatch', ...named };
    }
    return undefined;
  }

  private headMissing(checkpoint: AuditCheckpointView): { kind: 'problem'; problem: AuditProblem } {
    return problem({
      problem: 'missing-record',
      seq: checkpoint.lastSeq,
      id: checkpoint.id,
      checkpointId: checkpoint.id,
    });
  }
}

/**
 * Names the problem of an unlinked record, given the record its previous hash points to (if the
 * chain holds one) and the first record after that one.
 */
export function describeUnlinked(
  unlinked: UnlinkedRecord,
  linked: ChainPosition | undefined,
  firstAfterLinked: ChainPosition | undefined,
): AuditProblem {
  const at = (position: ChainPosition, kind: AuditProblem['problem']): AuditProblem => ({
    problem: kind,
    seq: position.seq,
    id: position.id,
  });
  if (!linked) return at(unlinked.record, 'missing-record');
  const { predecessor } = unlinked;
  // It links back past its predecessor: the records in between are not part of the chain.
  if (predecessor && compareSeq(linked.seq, predecessor.seq) < 0 && firstAfterLinked) {
    return at(firstAfterLinked, 'broken-link');
  }
  return at(unlinked.record, 'broken-link');
}

export function compareSeq(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

function problem(found: AuditProblem): { kind: 'problem'; problem: AuditProblem } {
  return { kind: 'problem', problem: found };
}
