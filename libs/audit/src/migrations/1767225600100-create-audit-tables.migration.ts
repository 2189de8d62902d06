import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** What the database answers to any UPDATE, DELETE or TRUNCATE of an audit table. */
export const APPEND_ONLY_MESSAGE = 'audit records are append-only';

/**
 * The audit records and checkpoints of the service that runs the migration, in its own schema.
 * Triggers make both tables append-only: the service's own database account cannot change or
 * remove what was recorded.
 */
export class CreateAuditTables1767225600100 implements MigrationInterface {
  name = 'CreateAuditTables1767225600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."audit_record" (
        "seq" BIGSERIAL NOT NULL,
        "id" UUID PRIMARY KEY,
        "recorded_at" TIMESTAMPTZ NOT NULL,
        "service" TEXT NOT NULL,
        "actor_kind" TEXT NOT NULL CHECK ("actor_kind" IN ('user', 'system')),
        "actor_sub" TEXT NOT NULL,
        "actor_entity" TEXT NULL,
        "actor_role" TEXT NULL,
        "action" TEXT NOT NULL,
        "case_id" UUID NULL,
        "target" TEXT NULL,
        "outcome" TEXT NOT NULL CHECK ("outcome" IN ('allowed', 'denied')),
        "reason" TEXT NULL,
        "request_id" TEXT NULL,
        "trace_id" TEXT NULL,
        "policy_version" TEXT NULL,
        "previous_hash" CHAR(64) NOT NULL CHECK ("previous_hash" ~ '^[0-9a-f]{64}$'),
        "hash" CHAR(64) NOT NULL CHECK ("hash" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "audit_record_seq" UNIQUE ("seq"),
        CONSTRAINT "audit_record_hash" UNIQUE ("hash"),
        CONSTRAINT "audit_record_denial_reason" CHECK ("outcome" = 'allowed' OR "reason" IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX "audit_record_case" ON "${schema}"."audit_record" ("case_id") WHERE "case_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "audit_record_actor" ON "${schema}"."audit_record" ("actor_sub")`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."audit_checkpoint" (
        "seq" BIGSERIAL NOT NULL,
        "id" UUID PRIMARY KEY,
        "created_at" TIMESTAMPTZ NOT NULL,
        "last_seq" BIGINT NOT NULL,
        "head_hash" CHAR(64) NOT NULL CHECK ("head_hash" ~ '^[0-9a-f]{64}$'),
        "record_count" BIGINT NOT NULL CHECK ("record_count" > 0),
        "key_id" TEXT NOT NULL,
        "algorithm" TEXT NOT NULL CHECK ("algorithm" = 'Ed25519'),
        "signature" TEXT NOT NULL,
        CONSTRAINT "audit_checkpoint_seq" UNIQUE ("seq")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "${schema}"."audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['audit_record', 'audit_checkpoint']) {
      await queryRunner.query(`
        CREATE TRIGGER "${table}_no_change" BEFORE UPDATE OR DELETE ON "${schema}"."${table}"
        FOR EACH ROW EXECUTE FUNCTION "${schema}"."audit_append_only"()`);
      await queryRunner.query(`
        CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${schema}"."${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."audit_append_only"()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."audit_checkpoint"`);
    await queryRunner.query(`DROP TABLE "${schema}"."audit_record"`);
    await queryRunner.query(`DROP FUNCTION "${schema}"."audit_append_only"()`);
  }
}
