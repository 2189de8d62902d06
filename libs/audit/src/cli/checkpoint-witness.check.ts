import { Client } from 'pg';
import { isCheckpointSignatureValid } from '../signing/checkpoint-signature';
import type { TrustedAuditKeys } from '../signing/trusted-keys';

export interface WitnessCheck {
  copiesChecked: number;
  /** The first copy the chain it vouches for no longer matches. */
  firstMismatch?: {
    service: string;
    checkpointId: string;
    lastSeq: string;
    problem: 'checkpoint-signature' | 'missing-record' | 'checkpoint-head-mismatch';
  };
}

/**
 * Checks the checkpoints a service holds as a witness (`<witness>.audit_checkpoint_copy`) against
 * the chains they vouch for: each copy's signature, and the record at its last seq still bearing
 * its head hash. It catches a past rewritten together with the service's own checkpoints, even
 * re-signed with the service's key. Undefined when the schema holds no copies.
 */
export async function checkCheckpointWitness(
  url: string,
  witnessSchema: string,
  keys: TrustedAuditKeys,
): Promise<WitnessCheck | undefined> {
  const client = new Client({ connectionString: url, application_name: 'audit-verify' });
  await client.connect();
  try {
    const table = `"${witnessSchema}"."audit_checkpoint_copy"`;
    const exists = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [table]);
    if (exists.rows[0]?.found == null) return undefined;
    const copies = await client.query<{
      checkpoint_id: string;
      service: string;
      last_seq: string;
      head_hash: string;
      record_count: number;
      key_id: string;
      algorithm: string;
      signature: string;
      created_at: Date;
    }>(`SELECT * FROM ${table} ORDER BY "service", "last_seq"`);
    let copiesChecked = 0;
    for (const copy of copies.rows) {
      copiesChecked += 1;
      const view = {
        id: copy.checkpoint_id,
        createdAt: copy.created_at.toISOString(),
        lastSeq: copy.last_seq,
        headHash: copy.head_hash,
        recordCount: copy.record_count,
        keyId: copy.key_id,
        algorithm: 'Ed25519' as const,
        signature: copy.signature,
      };
      const mismatch = (problem: NonNullable<WitnessCheck['firstMismatch']>['problem']): WitnessCheck => ({
        copiesChecked,
        firstMismatch: {
          service: copy.service,
          checkpointId: copy.checkpoint_id,
          lastSeq: copy.last_seq,
          problem,
        },
      });
      if (copy.algorithm !== 'Ed25519' || !isCheckpointSignatureValid(view, keys))
        return mismatch('checkpoint-signature');
      const schema = copy.service.replace(/-/g, '_');
      if (!/^[a-z][a-z0-9_]{0,62}$/.test(schema)) return mismatch('missing-record');
      const record = await client.query<{ hash: string }>(
        `SELECT "hash" FROM "${schema}"."audit_record" WHERE "seq" = $1`,
        [copy.last_seq],
      );
      if (record.rows.length === 0) return mismatch('missing-record');
      if (record.rows[0]?.hash !== copy.head_hash) return mismatch('checkpoint-head-mismatch');
    }
    return { copiesChecked };
  } finally {
    await client.end();
  }
}
