import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import type { AuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import { auditTrailFor, openAuditDataSource, readIdentities } from '../trail/audit.test-support';
import { checkpointSigned, deliverToWitness } from './audit-witness.test-support';

describe('a witness of another service’s audit chain', () => {
  let database: TestDatabase;
  let reporting: DataSource;
  let intake: DataSource;
  let checkpoint: AuditCheckpointView;

  beforeAll(async () => {
    database = await createTestDatabase('audit_witness');
    reporting = await openAuditDataSource(database.url, 'reporting');
    intake = await openAuditDataSource(database.url, 'intake', { witness: true });
    const trail = auditTrailFor(reporting, new ManualClock('2026-05-01T09:00:00.000Z'), 'reporting');
    await trail.recordNow(readIdentities());
    checkpoint = (await trail.checkpoint())!;
  });

  afterAll(async () => {
    await reporting?.destroy();
    await intake?.destroy();
    await database?.drop();
  });

  const copies = () =>
    intake.query<Array<{ checkpoint_id: string; service: string; last_seq: string; head_hash: string }>>(
      'SELECT "checkpoint_id", "service", "last_seq", "head_hash" FROM "intake"."audit_checkpoint_copy"',
    );

  it('given a signed checkpoint delivered twice, when the witness handles it, then it keeps one copy of it', async () => {
    const event = checkpointSigned('reporting', checkpoint);

    await deliverToWitness(intake, event);
    await deliverToWitness(intake, event);

    expect(await copies()).toEqual([
      {
        checkpoint_id: checkpoint.id,
        service: 'reporting',
        last_seq: checkpoint.lastSeq,
        head_hash: checkpoint.headHash,
      },
    ]);
  });

  it.each([
    ['UPDATE', `UPDATE "intake"."audit_checkpoint_copy" SET "head_hash" = repeat('0', 64)`],
    ['DELETE', 'DELETE FROM "intake"."audit_checkpoint_copy"'],
    ['TRUNCATE', 'TRUNCATE "intake"."audit_checkpoint_copy"'],
  ])('given the copies, when someone tries %s, then the database refuses it', async (_verb, statement) => {
    await expect(intake.query(statement)).rejects.toThrow('append-only');
    expect(await copies()).toHaveLength(1);
  });
});
