import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateAuditCheckpointCopies1767225703000 implements MigrationInterface {
  name = 'CreateAuditCheckpointCopies1767225703000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "${schemaOf(queryRunner)}"."audit_checkpoint_copy" (
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
    await queryRunner.query(`
      CREATE FUNCTION "${schemaOf(queryRunner)}"."audit_checkpoint_copy_is_append_only"() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_checkpoint_copy_append_only"
      BEFORE UPDATE OR DELETE ON "${schemaOf(queryRunner)}"."audit_checkpoint_copy"
      FOR EACH ROW EXECUTE FUNCTION "${schemaOf(queryRunner)}"."audit_checkpoint_copy_is_append_only"()`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_checkpoint_copy_no_truncate"
      BEFORE TRUNCATE ON "${schemaOf(queryRunner)}"."audit_checkpoint_copy"
      FOR EACH STATEMENT EXECUTE FUNCTION "${schemaOf(queryRunner)}"."audit_checkpoint_copy_is_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."audit_checkpoint_copy"`);
    await queryRunner.query(
      `DROP FUNCTION "${schemaOf(queryRunner)}"."audit_checkpoint_copy_is_append_only"()`,
    );
  }
}
