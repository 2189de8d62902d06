import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateLeadTransferRecords1767225704000 implements MigrationInterface {
  name = 'CreateLeadTransferRecords1767225704000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."lead_transfer_record" (
        "transfer_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "from_entity" TEXT NOT NULL,
        "to_entity" TEXT NOT NULL,
        "status" TEXT NOT NULL CHECK ("status" IN ('requested', 'accepted')),
        "requested_by_sub" TEXT NOT NULL,
        "requested_at" TIMESTAMPTZ NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."lead_transfer_record"`);
  }
}
