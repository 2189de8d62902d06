import { generateKeyPairSync } from 'node:crypto';
import { hashAuditRecord } from '../chain/record-hash';
import { Ed25519AuditSigner } from '../signing/audit-signer';
import { InvalidAuditExportError } from './audit-export';
import { InMemoryChain } from './in-memory-chain.test-support';
import { verifyExport } from './verify-export';

/** Five records and a checkpoint at the third. */
function chainOfFive(): InMemoryChain {
  const chain = new InMemoryChain();
  chain.append(3);
  chain.checkpoint();
  chain.append(2);
  return chain;
}

describe('verifyExport (offline, no database)', () => {
  it('given an untouched export, when verified with the trusted key, then every record and checkpoint checks out', () => {
    const chain = chainOfFive();

    expect(verifyExport(JSON.parse(JSON.stringify(chain.document())), chain.trusted())).toEqual({
      ok: true,
      recordsChecked: 5,
      checkpointsChecked: 1,
      lastCheckpointedSeq: '3',
    });
  });

  it('given a changed record, when verified, then it is named as a hash mismatch', () => {
    const chain = chainOfFive();
    const document = chain.document();
    document.records[1]!.outcome = 'denied';

    expect(verifyExport(document, chain.trusted())).toMatchObject({
      ok: false,
      firstProblem: { problem: 'hash-mismatch', seq: '2', id: chain.records[1]!.id },
    });
  });

  it('given a record removed from the middle, when verified, then the record after the gap is named as missing its predecessor', () => {
    const chain = chainOfFive();
    const document = chain.document();
    document.records.splice(3, 1);

    expect(verifyExport(document, chain.trusted()).firstProblem).toEqual({
      problem: 'missing-record',
      seq: '5',
      id: chain.records[4]!.id,
    });
  });

  it('given a forged record with a valid hash inserted into a gap, when verified, then the inserted record is named', () => {
    const chain = new InMemoryChain();
    const [first] = chain.append(1);
    chain.append(2, { skipSeq: 1 });
    const forged = chain.forge(first!.hash);
    const document = chain.document();
    document.records.push({ seq: '2', ...forged, hash: hashAuditRecord(forged) });

    expect(verifyExport(document, chain.trusted()).firstProblem).toEqual({
      problem: 'broken-link',
      seq: '2',
      id: forged.id,
    });
  });

  it('given two records swapped, when verified, then the first one out of place is named as a broken link', () => {
    const chain = chainOfFive();
    const document = chain.document();
    const [second, third] = [document.records[1]!, document.records[2]!];
    [second.seq, third.seq] = [third.seq, second.seq];

    expect(verifyExport(document, chain.trusted()).firstProblem).toEqual({
      problem: 'broken-link',
      seq: '2',
      id: chain.records[2]!.id,
    });
  });

  it('given the records after a checkpoint rewritten up to its head, when verified, then the checkpoint names the head', () => {
    const chain = chainOfFive();
    const document = chain.document();
    const rewritten = { ...document.records[2]!, target: 'rewritten' };
    document.records[2] = { ...rewritten, hash: hashAuditRecord(rewritten) };
    document.records.splice(3);

    expect(verifyExport(document, chain.trusted()).firstProblem).toEqual({
      problem: 'checkpoint-head-mismatch',
      seq: '3',
      id: chain.records[2]!.id,
      checkpointId: chain.checkpoints[0]!.id,
    });
  });

  it('given the records a checkpoint covers cut off the end, when verified, then the checkpoint names the record that is gone', () => {
    const chain = chainOfFive();
    const document = chain.document();
    document.records.splice(2);

    expect(verifyExport(document, chain.trusted()).firstProblem).toEqual({
      problem: 'missing-record',
      seq: '3',
      id: chain.checkpoints[0]!.id,
      checkpointId: chain.checkpoints[0]!.id,
    });
  });

  it('given a checkpoint signed by a key the verifier does not trust, when verified, then its signature is refused', () => {
    const chain = new InMemoryChain();
    chain.append(2);
    const stranger = new Ed25519AuditSigner('stranger', generateKeyPairSync('ed25519').privateKey);
    chain.checkpoint(stranger);
    const document = chain.document();
    document.publicKeys['stranger'] = stranger.publicKey.export({ type: 'spki', format: 'pem' }).toString();

    expect(verifyExport(document, chain.trusted()).firstProblem).toMatchObject({
      problem: 'checkpoint-signature',
      seq: '2',
    });
  });

  it('given a checkpoint whose record count was altered, when verified, then its signature no longer holds', () => {
    const chain = chainOfFive();
    const document = chain.document();
    document.checkpoints[0]!.recordCount = 2;

    expect(verifyExport(document, chain.trusted()).firstProblem?.problem).toBe('checkpoint-signature');
  });

  it('given an excerpt that starts after the beginning, when verified, then it is anchored on its first record', () => {
    const chain = chainOfFive();
    const document = chain.document();
    document.records.splice(0, 1);

    expect(verifyExport(document, chain.trusted())).toEqual({
      ok: true,
      recordsChecked: 4,
      checkpointsChecked: 1,
      lastCheckpointedSeq: '3',
    });
  });

  it('given something that is not an audit export, when verified, then it is refused naming the fields', () => {
    expect(() => verifyExport({ format: 'other', records: 'none' }, {})).toThrow(InvalidAuditExportError);
    expect(() => verifyExport({ format: 'other', records: 'none' }, {})).toThrow(/format, .*records/);
  });
});
