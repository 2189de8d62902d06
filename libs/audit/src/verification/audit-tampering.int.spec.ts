import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { inTransaction } from '@reprisals/persistence';
import { createTestDatabase, uniqueId, type TestDatabase } from '@reprisals/testing';
import { hashAuditRecord } from '../chain/record-hash';
import type { AuditRecordView } from '../records/audit-record.view';
import type { AuditTrail } from '../trail/audit-trail';
import { auditTrailFor, openAuditDataSource, readIdentities, tamper } from '../trail/audit.test-support';

/**
 * Someone with the database superuser's powers changes the chain behind the service's back;
 * verification must notice and name the record.
 */
describe('verifying a tampered audit chain', () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];
  const clock = new ManualClock('2026-05-01T09:00:00.000Z');

  interface Chain {
    dataSource: DataSource;
    schema: string;
    trail: AuditTrail;
    records: AuditRecordView[];
    checkpointId: string;
  }

  /** Five records, a checkpoint at the third. */
  const chainOfFive = async (): Promise<Chain> => {
    const schema = uniqueId('tamper', '_');
    const dataSource = await openAuditDataSource(database.url, schema);
    opened.push(dataSource);
    const trail = auditTrailFor(dataSource, clock);
    const records: AuditRecordView[] = [];
    for (let index = 0; index < 3; index += 1) records.push(await trail.recordNow(readIdentities()));
    const checkpoint = await trail.checkpoint();
    for (let index = 0; index < 2; index += 1) records.push(await trail.recordNow(readIdentities()));
    expect(await trail.verify()).toMatchObject({ ok: true, recordsChecked: 5, checkpointsChecked: 1 });
    return { dataSource, schema, trail, records, checkpointId: checkpoint!.id };
  };

  beforeAll(async () => {
    database = await createTestDatabase('audit_tamper');
  });

  afterAll(async () => {
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
    await database?.drop();
  });

  it('given a changed row, when the chain is verified, then that record is named as a hash mismatch', async () => {
    const { dataSource, schema, trail, records } = await chainOfFive();

    await tamper(
      dataSource,
      schema,
      `UPDATE "${schema}"."audit_record" SET "outcome" = 'denied', "reason" = 'not-found' WHERE "seq" = 2`,
    );

    expect(await trail.verify()).toEqual({
      ok: false,
      recordsChecked: 2,
      checkpointsChecked: 0,
      firstProblem: { problem: 'hash-mismatch', seq: '2', id: records[1]!.id },
    });
  });

  it('given a deleted row, when the chain is verified, then the record after the gap is named as missing its predecessor', async () => {
    const { dataSource, schema, trail, records } = await chainOfFive();

    await tamper(dataSource, schema, `DELETE FROM "${schema}"."audit_record" WHERE "seq" = 4`);

    expect((await trail.verify()).firstProblem).toEqual({
      problem: 'missing-record',
      seq: '5',
      id: records[4]!.id,
    });
  });

  it('given a forged row with a valid hash inserted into a gap, when the chain is verified, then the inserted record is named', async () => {
    const schema = uniqueId('tamper', '_');
    const dataSource = await openAuditDataSource(database.url, schema);
    opened.push(dataSource);
    const trail = auditTrailFor(dataSource, clock);
    const first = await trail.recordNow(readIdentities());
    // A command that failed after recording leaves a gap in seq: legitimate, and room to forge.
    await expect(
      inTransaction(dataSource, async (manager) => {
        await trail.record(manager, readIdentities());
        throw new Error('the command failed');
      }),
    ).rejects.toThrow();
    await trail.recordNow(readIdentities());
    const {
      seq: _seq,
      hash: _hash,
      ...content
    } = { ...first, id: '00000000-0000-4000-8000-000000000001', previousHash: first.hash };
    const forgedHash = hashAuditRecord(content);

    await tamper(
      dataSource,
      schema,
      `INSERT INTO "${schema}"."audit_record" ("seq", "id", "recorded_at", "service", "actor_kind", "actor_sub",
         "actor_entity", "actor_role", "action", "case_id", "target", "outcome", "reason", "request_id", "trace_id",
         "policy_version", "previous_hash", "hash")
       SELECT 2, '${content.id}', "recorded_at", "service", "actor_kind", "actor_sub", "actor_entity", "actor_role",
         "action", "case_id", "target", "outcome", "reason", "request_id", "trace_id", "policy_version",
         '${first.hash}', '${forgedHash}'
       FROM "${schema}"."audit_record" WHERE "seq" = 1`,
    );

    expect((await trail.verify()).firstProblem).toEqual({ problem: 'broken-link', seq: '2', id: content.id });
  });

  it('given two rows swapped in order, when the chain is verified, then the first record out of place is named as a broken link', async () => {
    const { dataSource, schema, trail, records } = await chainOfFive();

    await tamper(
      dataSource,
      schema,
      `UPDATE "${schema}"."audit_record" SET "seq" = -1 WHERE "seq" = 4`,
      `UPDATE "${schema}"."audit_record" SET "seq" = 4 WHERE "seq" = 5`,
      `UPDATE "${schema}"."audit_record" SET "seq" = 5 WHERE "seq" = -1`,
    );

    expect((await trail.verify()).firstProblem).toEqual({
      problem: 'broken-link',
      seq: '4',
      id: records[4]!.id,
    });
  });

  it('given the signed head rewritten with a fresh hash and the records after it removed, when verified, then the checkpoint names the head', async () => {
    const { dataSource, schema, trail, records, checkpointId } = await chainOfFive();
    const head = records[2]!;
    const rewritten = { ...head, target: 'nothing-to-see' };

    await tamper(
      dataSource,
      schema,
      `DELETE FROM "${schema}"."audit_record" WHERE "seq" > 3`,
      `UPDATE "${schema}"."audit_record" SET "target" = 'nothing-to-see', "hash" = '${hashAuditRecord(rewritten)}' WHERE "seq" = 3`,
    );

    expect((await trail.verify()).firstProblem).toEqual({
      problem: 'checkpoint-head-mismatch',
      seq: '3',
      id: head.id,
      checkpointId,
    });
  });

  it('given the records a checkpoint covers cut off the end, when verified, then the checkpoint names the record that is gone', async () => {
    const { dataSource, schema, trail, checkpointId } = await chainOfFive();

    await tamper(dataSource, schema, `DELETE FROM "${schema}"."audit_record" WHERE "seq" >= 3`);

    expect(await trail.verify()).toEqual({
      ok: false,
      recordsChecked: 2,
      checkpointsChecked: 0,
      firstProblem: { problem: 'missing-record', seq: '3', id: checkpointId, checkpointId },
    });
  });

  it('given a checkpoint altered after signing, when verified, then its signature is refused', async () => {
    const { dataSource, schema, trail, records, checkpointId } = await chainOfFive();

    await tamper(dataSource, schema, `UPDATE "${schema}"."audit_checkpoint" SET "record_count" = 2`);

    expect((await trail.verify()).firstProblem).toEqual({
      problem: 'checkpoint-signature',
      seq: '3',
      id: records[2]!.id,
      checkpointId,
    });
  });
});
