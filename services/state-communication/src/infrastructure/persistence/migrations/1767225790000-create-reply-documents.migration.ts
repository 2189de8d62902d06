import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnlyTable, makeTableAppendOnly, schemaOf } from '@reprisals/persistence';

/**
 * The documents a State sent with its replies: what lists them; the files are in the reply
 * document store, sealed. The file's name is kept sealed only, since it may name someone.
 */
export class CreateReplyDocuments1767225790000 implements MigrationInterface {
  name = 'CreateReplyDocuments1767225790000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."reply_document" (
        "id" UUID PRIMARY KEY,
        "communication_id" UUID NOT NULL REFERENCES "${schema}"."communication" ("id"),
        "reply_id" UUID NOT NULL,
        "media_type" TEXT NOT NULL,
        "size_bytes" BIGINT NOT NULL CHECK ("size_bytes" > 0),
        "sha256" CHAR(64) NOT NULL CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        "sealed_filename" TEXT NOT NULL,
        "received_at" TIMESTAMPTZ NOT NULL,
        "added_by" JSONB NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "reply_document_reply" ON "${schema}"."reply_document" ("communication_id", "reply_id", "received_at")`,
    );
    await makeTableAppendOnly(queryRunner, 'reply_document', 'reply documents are never changed or removed');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTable(queryRunner, 'reply_document');
  }
}
