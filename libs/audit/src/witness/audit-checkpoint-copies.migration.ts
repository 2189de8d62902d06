import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnlyTable, makeTableAppendOnly, schemaOf } from '@reprisals/persistence';

/**
 * The migration that gives a witness its `audit_checkpoint_copy` table, append-only, named
 * `CreateAuditCheckpointCopies<timestamp>` with the timestamp of the witness's own migrations:
 *
 * ```ts
 * export const CreateAuditCheckpointCopies1767225703000 = auditCheckpointCopiesMigration(1767225703000);
 * ```
 */
export function auditCheckpointCopiesMigration(timestamp: number): new () => MigrationInterface {
  const name = `CreateAuditCheckpointCopies${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      const schema = schemaOf(queryRunner);
      await queryRunner.query(`
        CREATE TABLE "${schema}"."audit_checkpoint_copy" (
          "checkpoint_id" UUID PRIMARY KEY,
          "service" TEXT NOT NULL,
          "last_seq" BIGINT NOT NULL,
          "head_hash" CHAR(64) NOT NULL,
          "record_count" INTEGER NOT NULL,
          "key_id" TEXT NOT NULL,
          "algorithm" TEXT NOT NULL,
          "signature" TEXT NOT NULL,
          "created_at" TIMESTAMPTZ NOT NULL
        )`);
      // A witness that can be edited witnesses nothing: the copies are append-only, like the chains.
      await makeTableAppendOnly(queryRunner, 'audit_checkpoint_copy', 'audit records are append-only');
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await dropAppendOnlyTable(queryRunner, 'audit_checkpoint_copy');
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
