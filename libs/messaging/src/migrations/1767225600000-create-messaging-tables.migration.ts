import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * Outbox, inbox and dead letters, in the schema of the service that runs the migration:
 * every service owns its own copy of these tables.
 */
export class CreateMessagingTables1767225600000 implements MigrationInterface {
  name = 'CreateMessagingTables1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."outbox_message" (
        "seq" BIGSERIAL PRIMARY KEY,
        "event_id" UUID NOT NULL UNIQUE,
        "event_type" TEXT NOT NULL,
        "topic" TEXT NOT NULL,
        "message_key" TEXT NOT NULL,
        "headers" JSONB NOT NULL,
        "payload" TEXT NOT NULL,
        "created_at" TIMESTAMPTZ NOT NULL,
        "published_at" TIMESTAMPTZ NULL,
        "publish_attempts" INTEGER NOT NULL DEFAULT 0,
        "last_error" TEXT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbox_message_unpublished" ON "${schema}"."outbox_message" ("seq") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "${schema}"."inbox_record" (
        "subscriber" TEXT NOT NULL,
        "event_id" UUID NOT NULL,
        "event_type" TEXT NOT NULL,
        "processed_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("subscriber", "event_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."dead_letter" (
        "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        "subscriber" TEXT NOT NULL,
        "message_id" TEXT NOT NULL,
        "topic" TEXT NOT NULL,
        "message_key" TEXT NOT NULL,
        "headers" JSONB NOT NULL,
        "payload" TEXT NOT NULL,
        "reason" TEXT NOT NULL,
        "attempts" INTEGER NOT NULL,
        "failed_at" TIMESTAMPTZ NOT NULL,
        "replayed_at" TIMESTAMPTZ NULL,
        "replay_outcome" TEXT NULL,
        CONSTRAINT "dead_letter_subscriber_message" UNIQUE ("subscriber", "message_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."dead_letter"`);
    await queryRunner.query(`DROP TABLE "${schema}"."inbox_record"`);
    await queryRunner.query(`DROP TABLE "${schema}"."outbox_message"`);
  }
}
