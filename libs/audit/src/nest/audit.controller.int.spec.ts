import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { CLOCK, ManualClock } from '@reprisals/kernel';
import { createServiceDataSource, initializeServiceDatabase } from '@reprisals/persistence';
import { issueDevelopmentToken, SecurityModule, type Role, loadAccessPolicy } from '@reprisals/security';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from '@reprisals/case-access';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from '../audit-schema';
import type { AuditRecordView } from '../records/audit-record.view';
import { AuditTrail } from '../trail/audit-trail';
import { readIdentities } from '../trail/audit.test-support';
import { AuditModule } from './audit.module';

const env = { JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256', JWT_ISSUER: 'reprisals-test' };
const clock = new ManualClock('2026-05-01T09:00:00.000Z');

@Global()
@Module({ providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] })
class TestClockModule {}

describe('GET /<service>/audit', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let trail: AuditTrail;

  /** The auditor's entity (OHCHR) leads the case: its audit is the auditor's to read. */
  const ledByOhchr = async (caseId: string): Promise<string> => {
    await trail.dataSource.query(
      `INSERT INTO intake.case_access (case_id, lead_entity, lead_since, updated_at) VALUES ($1, 'OHCHR', now(), now())`,
      [caseId],
    );
    return caseId;
  };
  const token = (roles: Role[], sub = 'auditor-7') =>
    issueDevelopmentToken({ sub, entity: 'OHCHR', roles }, env);
  const get = async (query: string, roles: Role[] = ['auditor'], headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/intake/audit${query}`, {
      headers: { authorization: `Bearer ${await token(roles)}`, ...headers },
    });

  beforeAll(async () => {
    database = await createTestDatabase('audit_http');
    @Module({
      imports: [
        TestClockModule,
        SecurityModule.forRoot({ env }),
        TypeOrmModule.forRootAsync({
          name: 'intake',
          useFactory: () => ({
            type: 'postgres',
            url: database.url,
            schema: 'intake',
            entities: [...AUDIT_ENTITIES, ...CASE_ACCESS_ENTITIES],
          }),
          dataSourceFactory: async () => {
            const dataSource = createServiceDataSource({
              url: database.url,
              schema: 'intake',
              entities: [...AUDIT_ENTITIES, ...CASE_ACCESS_ENTITIES],
              migrations: [...AUDIT_MIGRATIONS, ...CASE_ACCESS_MIGRATIONS],
              applicationName: 'test-audit-http',
              poolSize: 4,
            });
            await initializeServiceDatabase(dataSource);
            return dataSource;
          },
        }),
        AuditModule.forService({ service: 'intake', dataSourceName: 'intake', env: {} }),
      ],
    })
    class AuditTestModule {}
    app = await NestFactory.create(AuditTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    trail = app.get(AuditTrail, { strict: false });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('given an auditor, when the audit of a case is read, then the read is recorded first and comes back with the case records', async () => {
    const caseId = await ledByOhchr(randomUUID());
    const step = await trail.recordNow(readIdentities(caseId));
    await trail.recordNow(readIdentities());

    const response = await get(`?caseId=${caseId}`, ['auditor'], {
      'x-request-id': '4f9d2c1a-7b3e-4a5c-8d6f-1e2a3b4c5d6e',
    });
    const body = (await response.json()) as { records: AuditRecordView[]; next?: string };

    expect(response.status).toBe(200);
    expect(body.records.map((record) => record.action)).toEqual(['case:read-identities', 'audit:read']);
    expect(body.records[0]).toEqual(step);
    expect(body.records[1]).toMatchObject({
      service: 'intake',
      actorKind: 'user',
      actorSub: 'auditor-7',
      actorEntity: 'OHCHR',
      actorRole: 'auditor',
      caseId,
      target: 'GET /intake/audit',
      outcome: 'allowed',
      requestId: '4f9d2c1a-7b3e-4a5c-8d6f-1e2a3b4c5d6e',
      policyVersion: loadAccessPolicy().version,
    });
    expect(body.next).toBeUndefined();
  });

  it('given more records than the limit, when read page by page, then `next` leads to the following page', async () => {
    const actor = `reader-${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 3; index += 1) {
      await trail.recordNow(readIdentities(await ledByOhchr(randomUUID()), actor));
    }

    const first = (await (await get(`?actor=${actor}&limit=2`)).json()) as {
      records: AuditRecordView[];
      next?: string;
    };
    const second = (await (await get(`?actor=${actor}&limit=2&after=${first.next}`)).json()) as {
      records: AuditRecordView[];
      next?: string;
    };

    expect(first.records).toHaveLength(2);
    expect(first.next).toBe(first.records[1]!.seq);
    expect(second.records).toHaveLength(1);
    expect(second.next).toBeUndefined();
  });

  it('given a case another entity leads, when an auditor asks for its audit, then 404, audited as denied', async () => {
    const elsewhere = randomUUID();
    await trail.dataSource.query(
      `INSERT INTO intake.case_access (case_id, lead_entity, lead_since, updated_at) VALUES ($1, 'UNICEF', now(), now())`,
      [elsewhere],
    );
    await trail.recordNow(readIdentities(elsewhere));

    expect((await get(`?caseId=${elsewhere}`)).status).toBe(404);
    const listed = (await (await get('?limit=1000')).json()) as { records: AuditRecordView[] };
    expect(
      listed.records.some((record) => record.caseId === elsewhere && record.action !== 'audit:read'),
    ).toBe(false);
    const attempts = await trail.list({ caseId: elsewhere });
    expect(attempts.map((record) => [record.action, record.outcome, record.reason])).toContainEqual([
      'audit:read',
      'denied',
      'no-share',
    ]);
  });

  it('given an invalid query, when the audit is read, then 400 names the fields and nothing is recorded', async () => {
    const before = (await trail.list({ limit: 1000 })).length;

    const response = await get('?caseId=Jane%20Doe&to=tomorrow&name=Jane');
    const body = await response.text();

    expect(response.status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ message: 'Invalid request query: caseId, to, name' });
    expect(body).not.toContain('Jane');
    expect(await trail.list({ limit: 1000 })).toHaveLength(before);
  });

  it('given a role without audit:read, when the audit is read, then 403', async () => {
    expect((await get('', ['intake-officer'])).status).toBe(403);
  });

  it('given the reads recorded through the route, when the chain is verified, then it is intact', async () => {
    expect(await trail.verify()).toMatchObject({ ok: true });
  });
});
