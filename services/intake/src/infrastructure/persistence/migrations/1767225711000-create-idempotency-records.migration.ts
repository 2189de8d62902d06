import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateIdempotencyRecords1767225711000 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1767225711000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."idempotency_record" (
        "actor_sub" TEXT NOT NULL,
        "idempotency_key" TEXT NOT NULL,
        "request_salt" BYTEA NOT NULL,
        "request_hash" BYTEA NOT NULL,
        "case_id" UUID NOT NULL,
        "reference" TEXT NULL,
        "created_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("actor_sub", "idempotency_key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."idempotency_record"`);
  }
}
