import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, hashAuditRecord, type AuditRecordContent } from '../chain/record-hash';
import type { AuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import type { AuditRecordView } from '../records/audit-record.view';
import type { AuditSigner } from '../signing/audit-signer';
import { checkpointPayload } from '../signing/checkpoint-signature';
import { developmentAuditSigner } from '../signing/development-key';
import { publicKeysAsPem } from '../signing/trusted-keys';
import { AUDIT_EXPORT_FORMAT, type AuditExport } from './audit-export';

/** A chain built the way AuditTrail builds it, without a database: for tests of verification. */
export class InMemoryChain {
  readonly records: AuditRecordView[] = [];
  readonly checkpoints: AuditCheckpointView[] = [];
  private nextSeq = 1;
  private minute = 0;

  constructor(readonly signer: AuditSigner = developmentAuditSigner()) {}

  /** A record linked to the head, as content alone (not appended): to forge one. */
  forge(previousHash: string, overrides: Partial<AuditRecordContent> = {}): AuditRecordContent {
    this.minute += 1;
    return {
      id: randomUUID(),
      recordedAt: new Date(Date.UTC(2026, 4, 1, 9, this.minute)).toISOString(),
      service: 'intake',
      actorKind: 'user',
      actorSub: 'officer-1',
      actorEntity: 'OHCHR',
      actorRole: 'intake-officer',
      action: 'case:read-identities',
      caseId: randomUUID(),
      target: null,
      outcome: 'allowed',
      reason: null,
      requestId: null,
      traceId: null,
      policyVersion: '1',
      previousHash,
      ...overrides,
    };
  }

  append(count = 1, options: { skipSeq?: number } = {}): AuditRecordView[] {
    const appended: AuditRecordView[] = [];
    for (let index = 0; index < count; index += 1) {
      this.nextSeq += options.skipSeq ?? 0;
      const content = this.forge(this.head?.hash ?? GENESIS_HASH);
      const record = { seq: String(this.nextSeq++), ...content, hash: hashAuditRecord(content) };
      this.records.push(record);
      appended.push(record);
    }
    return appended;
  }

  checkpoint(signer: AuditSigner = this.signer): AuditCheckpointView {
    const head = this.head;
    if (!head) throw new Error('nothing to checkpoint');
    const unsigned = {
      id: randomUUID(),
      createdAt: new Date(Date.UTC(2026, 4, 2)).toISOString(),
      lastSeq: head.seq,
      headHash: head.hash,
      recordCount: this.records.length,
      keyId: signer.keyId,
      algorithm: 'Ed25519' as const,
    };
    const checkpoint = { ...unsigned, signature: signer.sign(checkpointPayload(unsigned)) };
    this.checkpoints.push(checkpoint);
    return checkpoint;
  }

  get head(): AuditRecordView | undefined {
    return this.records[this.records.length - 1];
  }

  document(): AuditExport {
    return {
      format: AUDIT_EXPORT_FORMAT,
      service: 'intake',
      exportedAt: '2026-05-03T00:00:00.000Z',
      records: this.records.map((record) => ({ ...record })),
      checkpoints: this.checkpoints.map((checkpoint) => ({ ...checkpoint })),
      publicKeys: publicKeysAsPem(new Map([[this.signer.keyId, this.signer.publicKey]])),
    };
  }

  trusted(): Record<string, string> {
    return publicKeysAsPem(new Map([[this.signer.keyId, this.signer.publicKey]]));
  }
}
