import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

export class CreateStateCommunicationTables1767225603000 implements MigrationInterface {
  name = 'CreateStateCommunicationTables1767225603000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."state_case_file" (
        "case_id" UUID PRIMARY KEY,
        "reference" TEXT NOT NULL,
        "state_concerned" CHAR(3) NOT NULL,
        "lead_entity" TEXT NOT NULL,
        "communications_sent" INTEGER NOT NULL DEFAULT 0,
        "opened_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "state_case_file_state" ON "${schema}"."state_case_file" ("state_concerned")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."state_case_file"`);
  }
}
