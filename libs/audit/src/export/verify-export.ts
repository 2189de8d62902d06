import { trustedAuditKeysFromPem } from '../signing/trusted-keys';
import type { AuditProblem, AuditVerification } from '../verification/audit-verification';
import { ChainWalk, compareSeq, describeUnlinked, type ChainPosition } from '../verification/chain-walk';
import { AuditExportSchema, InvalidAuditExportError } from './audit-export';

/**
 * Verifies an exported stretch of an audit chain with nothing but the document and the public
 * keys the verifier trusts (key id to SPKI PEM): every record's hash, every link, and every
 * checkpoint's signature and head. A stretch that does not start at the beginning of the chain
 * is anchored on its first record's previous hash; checkpoint record counts are then not checked.
 * The document is an AuditExport, typically parsed from JSON; throws InvalidAuditExportError when
 * it is not one.
 */
export function verifyExport(
  document: unknown,
  trustedPublicKeys: Readonly<Record<string, string>>,
): AuditVerification {
  const parsed = AuditExportSchema.safeParse(document);
  if (!parsed.success) {
    throw new InvalidAuditExportError([
      ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(document)')),
    ]);
  }
  const records = [...parsed.data.records].sort((a, b) => compareSeq(a.seq, b.seq));
  if (new Set(records.map((record) => record.seq)).size !== records.length) {
    throw new InvalidAuditExportError(['records.seq (duplicated)']);
  }
  const anchor = records[0]?.previousHash;
  const walk = new ChainWalk(parsed.data.checkpoints, trustedAuditKeysFromPem(trustedPublicKeys), {
    ...(anchor ? { anchor } : {}),
  });
  const position = (index: number): ChainPosition | undefined => {
    const record = records[index];
    return record && { seq: record.seq, id: record.id };
  };
  for (const record of records) {
    const step = walk.next(record);
    if (step.kind === 'problem') return walk.result(step.problem);
    if (step.kind === 'unlinked') {
      const linkedIndex = records.findIndex((candidate) => candidate.hash === step.unlinked.previousHash);
      const found: AuditProblem = describeUnlinked(
        step.unlinked,
        position(linkedIndex),
        linkedIndex >= 0 ? position(linkedIndex + 1) : undefined,
      );
      return walk.result(found);
    }
  }
  return walk.result(walk.end());
}
