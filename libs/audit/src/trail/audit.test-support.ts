import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '@reprisals/kernel';
import { createServiceDataSource, initializeServiceDatabase } from '@reprisals/persistence';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from '../audit-schema';
import { AuditCheckpointCopyEntity } from '../witness/audit-checkpoint-copy.entity';
import { auditCheckpointCopiesMigration } from '../witness/audit-checkpoint-copies.migration';
import type { AuditEntry } from '../entry/audit-entry';
import { developmentAuditSigner } from '../signing/development-key';
import { AuditTrail } from './audit-trail';

/**
 * A service data source with the audit tables (and a table for a command's own effect); with
 * `witness`, also the table where it keeps copies of other services' checkpoints.
 */
export async function openAuditDataSource(
  url: string,
  schema: string,
  options: { witness?: boolean } = {},
): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: [...AUDIT_ENTITIES, ...(options.witness ? [AuditCheckpointCopyEntity] : [])],
    migrations: [
      ...AUDIT_MIGRATIONS,
      ...(options.witness ? [auditCheckpointCopiesMigration(1767225600900)] : []),
    ],
    applicationName: `test-${schema}`,
    poolSize: 8,
  });
  await initializeServiceDatabase(dataSource);
  await dataSource.query(`CREATE TABLE IF NOT EXISTS "${schema}"."command_effect" ("id" UUID PRIMARY KEY)`);
  return dataSource;
}

export function auditTrailFor(dataSource: DataSource, clock: Clock, service = 'intake'): AuditTrail {
  return new AuditTrail({ service, dataSource, clock, signer: developmentAuditSigner() });
}

/** An officer of OHCHR reading a case's identities. */
export function readIdentities(caseId: string = randomUUID(), sub = 'officer-1'): AuditEntry {
  return {
    actor: { kind: 'user', sub, entity: 'OHCHR', role: 'intake-officer' },
    action: 'case:read-identities',
    caseId,
    target: 'GET /intake/allegations/:id/identities',
    outcome: 'allowed',
    requestId: `request-${randomUUID()}`,
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    policyVersion: '1',
  };
}

/**
 * Changes the audit tables as only someone bypassing the service could: as the superuser, with
 * the append-only triggers disabled for the duration of `sql`.
 */
export async function tamper(dataSource: DataSource, schema: string, ...statements: string[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const table of ['audit_record', 'audit_checkpoint']) {
      await manager.query(`ALTER TABLE "${schema}"."${table}" DISABLE TRIGGER ALL`);
    }
    for (const statement of statements) await manager.query(statement);
    for (const table of ['audit_record', 'audit_checkpoint']) {
      await manager.query(`ALTER TABLE "${schema}"."${table}" ENABLE TRIGGER ALL`);
    }
  });
}
