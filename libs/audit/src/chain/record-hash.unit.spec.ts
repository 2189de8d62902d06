import { createHash } from 'node:crypto';
import { GENESIS_HASH, hashAuditRecord, type AuditRecordContent } from './record-hash';

const content: AuditRecordContent = {
  id: '0b7e8f0e-3c59-4d3c-9a55-1f0d7d1e2a11',
  recordedAt: '2026-05-01T09:30:00.000Z',
  service: 'intake',
  actorKind: 'user',
  actorSub: 'officer-1',
  actorEntity: 'OHCHR',
  actorRole: 'intake-officer',
  action: 'allegation:create',
  caseId: '5f0c1a52-2b7e-4d63-9a8e-1c2d3e4f5a6b',
  target: null,
  outcome: 'allowed',
  reason: null,
  requestId: 'request-1',
  traceId: null,
  policyVersion: '1',
  previousHash: GENESIS_HASH,
};

describe('hashAuditRecord', () => {
  it('given a record, when hashed, then the hash is the SHA-256 hex of its canonical JSON, stable across runs', () => {
    const canonical =
      '{"action":"allegation:create","actorEntity":"OHCHR","actorKind":"user","actorRole":"intake-officer",' +
      '"actorSub":"officer-1","caseId":"5f0c1a52-2b7e-4d63-9a8e-1c2d3e4f5a6b","id":"0b7e8f0e-3c59-4d3c-9a55-1f0d7d1e2a11",' +
      `"outcome":"allowed","policyVersion":"1","previousHash":"${GENESIS_HASH}","reason":null,` +
      '"recordedAt":"2026-05-01T09:30:00.000Z","requestId":"request-1","service":"intake","target":null,"traceId":null}';

    expect(hashAuditRecord(content)).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(hashAuditRecord(content)).toBe('01ede4272733da60bd58e1860ce64e4294731fd371695c6a311e2ab621409ebe');
  });

  it('given a stored record with seq and hash, when hashed, then seq and hash are left out', () => {
    const stored = { ...content, seq: '42', hash: 'f'.repeat(64) };

    expect(hashAuditRecord(stored)).toBe(hashAuditRecord(content));
  });

  it.each(Object.keys(content) as Array<keyof AuditRecordContent>)(
    'given a change to %s, when hashed, then the hash changes',
    (field) => {
      const changed = { ...content, [field]: field === 'previousHash' ? 'a'.repeat(64) : 'changed' };

      expect(hashAuditRecord(changed)).not.toBe(hashAuditRecord(content));
    },
  );
});
