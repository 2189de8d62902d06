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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."audit_checkpoint_copy"`);
  }
}
