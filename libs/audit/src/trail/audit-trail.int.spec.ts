import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { inTransaction } from '@reprisals/persistence';
import { createTestDatabase, uniqueId, type TestDatabase } from '@reprisals/testing';
import { GENESIS_HASH } from '../chain/record-hash';
import { InvalidAuditEntryError } from '../entry/audit-entry';
import { verifyExport } from '../export/verify-export';
import { DEVELOPMENT_AUDIT_KEY_ID, developmentAuditSigner } from '../signing/development-key';
import { publicKeysAsPem } from '../signing/trusted-keys';
import type { AuditTrail } from './audit-trail';
import { auditTrailFor, openAuditDataSource, readIdentities } from './audit.test-support';

describe('AuditTrail', () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];
  const clock = new ManualClock('2026-05-01T09:00:00.000Z');

  const openTrail = async (): Promise<{ dataSource: DataSource; schema: string; trail: AuditTrail }> => {
    const schema = uniqueId('audit', '_');
    const dataSource = await openAuditDataSource(database.url, schema);
    opened.push(dataSource);
    return { dataSource, schema, trail: auditTrailFor(dataSource, clock) };
  };

  const effects = async (dataSource: DataSource, schema: string): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM "${schema}"."command_effect"`))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase('audit_trail');
  });

  afterAll(async () => {
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
    await database?.drop();
  });

  it('given a command that commits, when it records its audit record in its transaction, then both are kept and the first record links to the genesis hash', async () => {
    const { dataSource, schema, trail } = await openTrail();
    const caseId = randomUUID();

    const record = await inTransaction(dataSource, async (manager) => {
      await manager.query(`INSERT INTO "${schema}"."command_effect" ("id") VALUES ($1)`, [caseId]);
      return trail.record(manager, readIdentities(caseId));
    });

    expect(await effects(dataSource, schema)).toBe(1);
    expect(record).toMatchObject({
      seq: '1',
      service: 'intake',
      recordedAt: '2026-05-01T09:00:00.000Z',
      actorKind: 'user',
      actorSub: 'officer-1',
      actorEntity: 'OHCHR',
      actorRole: 'intake-officer',
      action: 'case:read-identities',
      caseId,
      outcome: 'allowed',
      reason: null,
      policyVersion: '1',
      previousHash: GENESIS_HASH,
    });
    expect(await trail.list()).toEqual([record]);
  });

  it('given a command that fails after recording, when its transaction rolls back, then neither its effect nor its record remains and the chain stays whole', async () => {
    const { dataSource, schema, trail } = await openTrail();
    const kept = await trail.recordNow(readIdentities());

    await expect(
      inTransaction(dataSource, async (manager) => {
        await manager.query(`INSERT INTO "${schema}"."command_effect" ("id") VALUES ($1)`, [randomUUID()]);
        await trail.record(manager, readIdentities());
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    const next = await trail.recordNow(readIdentities());

    expect(await effects(dataSource, schema)).toBe(0);
    expect((await trail.list()).map((record) => record.id)).toEqual([kept.id, next.id]);
    expect(next.previousHash).toBe(kept.hash);
    expect(await trail.verify()).toEqual({ ok: true, recordsChecked: 2, checkpointsChecked: 0 });
  });

  it('given a denied attempt, when it is recorded on its own, then it is kept with its reason code and the time of the clock', async () => {
    const { trail } = await openTrail();
    clock.set('2026-05-02T10:15:00.000Z');

    const record = await trail.recordNow({
      actor: { kind: 'user', sub: 'focal-9', entity: 'UNDP', role: 'focal-point' },
      action: 'case:read',
      caseId: randomUUID(),
      outcome: 'denied',
      reason: 'no-share',
    });

    expect(record).toMatchObject({
      outcome: 'denied',
      reason: 'no-share',
      recordedAt: '2026-05-02T10:15:00.000Z',
    });
    expect(await trail.list()).toEqual([record]);
  });

  it('given an entry that breaks the schema, when it is recorded, then nothing is written and the fields are named', async () => {
    const { trail } = await openTrail();

    await expect(
      trail.recordNow({ ...readIdentities(), outcome: 'denied', victim: 'Jane Doe' } as never),
    ).rejects.toThrow(
      new InvalidAuditEntryError([
        { field: 'victim', message: 'is not a known field' },
        { field: 'reason', message: 'is required when the outcome is denied' },
      ]),
    );

    expect(await trail.list()).toEqual([]);
  });

  it('given no transaction, or one above READ COMMITTED, when a record is appended, then it is refused', async () => {
    const { dataSource, trail } = await openTrail();

    await expect(trail.record(dataSource.manager, readIdentities())).rejects.toThrow(
      'The audit chain is extended inside a transaction only',
    );
    await expect(
      dataSource.transaction('REPEATABLE READ', (manager) => trail.record(manager, readIdentities())),
    ).rejects.toThrow('The audit chain is extended in READ COMMITTED transactions only');
    expect(await trail.list()).toEqual([]);
  });

  it("given another service's data source, when a record is appended through it, then it is refused", async () => {
    const { trail } = await openTrail();
    const { dataSource: other } = await openTrail();

    await expect(inTransaction(other, (manager) => trail.record(manager, readIdentities()))).rejects.toThrow(
      'The audit trail of intake records through its own data source only',
    );
  });

  it('given many appends at once, when they all commit, then the chain is a single line without a fork', async () => {
    const { trail } = await openTrail();

    await Promise.all(Array.from({ length: 40 }, () => trail.recordNow(readIdentities())));

    const records = await trail.list({ limit: 1000 });
    expect(records).toHaveLength(40);
    expect(new Set(records.map((record) => record.previousHash)).size).toBe(40);
    records.slice(1).forEach((record, index) => expect(record.previousHash).toBe(records[index]!.hash));
    expect(await trail.verify()).toEqual({ ok: true, recordsChecked: 40, checkpointsChecked: 0 });
  });

  it('given records of several cases, actors and times, when listed with a filter, then only the matching ones come back in seq order', async () => {
    const { trail } = await openTrail();
    const caseA = randomUUID();
    const caseB = randomUUID();
    clock.set('2026-05-01T08:00:00.000Z');
    const early = await trail.recordNow(readIdentities(caseA, 'officer-1'));
    clock.set('2026-05-03T08:00:00.000Z');
    const other = await trail.recordNow(readIdentities(caseB, 'officer-2'));
    const late = await trail.recordNow(readIdentities(caseA, 'officer-2'));

    expect((await trail.list({ caseId: caseA.toUpperCase() })).map((r) => r.id)).toEqual([early.id, late.id]);
    expect((await trail.list({ actorSub: 'officer-2' })).map((r) => r.id)).toEqual([other.id, late.id]);
    expect(
      (
        await trail.list({ from: new Date('2026-05-02T00:00:00Z'), to: new Date('2026-05-04T00:00:00Z') })
      ).map((r) => r.id),
    ).toEqual([other.id, late.id]);
    expect((await trail.list({ to: new Date('2026-05-03T08:00:00Z') })).map((r) => r.id)).toEqual([early.id]);
    expect((await trail.list({ afterSeq: early.seq, limit: 1 })).map((r) => r.id)).toEqual([other.id]);
  });

  it('given new records, when a checkpoint is taken, then it signs the head and the count, and verification checks it', async () => {
    const { trail } = await openTrail();
    expect(await trail.checkpoint()).toBeUndefined();
    await trail.recordNow(readIdentities());
    const head = await trail.recordNow(readIdentities());
    clock.set('2026-05-04T00:00:00.000Z');

    const checkpoint = await trail.checkpoint();

    expect(checkpoint).toMatchObject({
      createdAt: '2026-05-04T00:00:00.000Z',
      lastSeq: head.seq,
      headHash: head.hash,
      recordCount: 2,
      keyId: DEVELOPMENT_AUDIT_KEY_ID,
      algorithm: 'Ed25519',
    });
    expect(await trail.checkpoint()).toBeUndefined();
    const after = await trail.recordNow(readIdentities());
    expect(await trail.checkpoint()).toMatchObject({ lastSeq: after.seq, recordCount: 3 });
    expect(await trail.verify()).toEqual({
      ok: true,
      recordsChecked: 3,
      checkpointsChecked: 2,
      lastCheckpointedSeq: after.seq,
    });
  });

  it('given a publisher, when a checkpoint is taken, then the publisher writes in the same transaction, and its failure leaves no checkpoint', async () => {
    const { dataSource, schema, trail } = await openTrail();
    await trail.recordNow(readIdentities());

    await expect(
      trail.checkpoint(async () => {
        throw new Error('the outbox refused');
      }),
    ).rejects.toThrow('the outbox refused');
    const published = await trail.checkpoint(async (manager, checkpoint) => {
      await manager.query(`INSERT INTO "${schema}"."command_effect" ("id") VALUES ($1)`, [checkpoint.id]);
    });

    expect(await dataSource.query(`SELECT id FROM "${schema}"."command_effect"`)).toEqual([
      { id: published?.id },
    ]);
    expect(await dataSource.query(`SELECT id FROM "${schema}"."audit_checkpoint"`)).toEqual([
      { id: published?.id },
    ]);
  });

  it('given a chain with checkpoints, when exported, then the document verifies offline, whole or as a stretch in time', async () => {
    const { trail } = await openTrail();
    clock.set('2026-06-01T00:00:00.000Z');
    await trail.recordNow(readIdentities());
    await trail.checkpoint();
    clock.set('2026-06-02T00:00:00.000Z');
    const second = await trail.recordNow(readIdentities());
    const third = await trail.recordNow(readIdentities());
    const checkpoint = await trail.checkpoint();
    clock.set('2026-06-03T00:00:00.000Z');
    await trail.recordNow(readIdentities());
    const trusted = publicKeysAsPem(
      new Map([[DEVELOPMENT_AUDIT_KEY_ID, developmentAuditSigner().publicKey]]),
    );

    const whole = JSON.parse(JSON.stringify(await trail.exportChain()));
    const stretch = await trail.exportChain({
      from: new Date('2026-06-02T00:00:00.000Z'),
      to: new Date('2026-06-03T00:00:00.000Z'),
    });

    expect(Object.keys(whole.publicKeys)).toEqual([DEVELOPMENT_AUDIT_KEY_ID]);
    expect(verifyExport(whole, trusted)).toEqual({
      ok: true,
      recordsChecked: 4,
      checkpointsChecked: 2,
      lastCheckpointedSeq: third.seq,
    });
    expect(stretch.records.map((record) => record.id)).toEqual([second.id, third.id]);
    expect(stretch.checkpoints.map((signed) => signed.id)).toEqual([checkpoint?.id]);
    expect(verifyExport(stretch, trusted)).toMatchObject({
      ok: true,
      recordsChecked: 2,
      checkpointsChecked: 1,
    });
    expect(verifyExport(whole, {}).firstProblem?.problem).toBe('checkpoint-signature');
  });

  it('given the audit tables, when anything tries to UPDATE, DELETE or TRUNCATE them, then the database refuses', async () => {
    const { dataSource, schema, trail } = await openTrail();
    await trail.recordNow(readIdentities());
    await trail.checkpoint();

    for (const table of ['audit_record', 'audit_checkpoint']) {
      await expect(
        dataSource.query(`UPDATE "${schema}"."${table}" SET "id" = gen_random_uuid()`),
      ).rejects.toThrow('audit records are append-only');
      await expect(dataSource.query(`DELETE FROM "${schema}"."${table}"`)).rejects.toThrow(
        'audit records are append-only',
      );
      await expect(dataSource.query(`TRUNCATE "${schema}"."${table}"`)).rejects.toThrow(
        'audit records are append-only',
      );
    }
    expect(await trail.verify()).toMatchObject({ ok: true, recordsChecked: 1, checkpointsChecked: 1 });
  });
});
