import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnlyTable, makeTableAppendOnly, schemaOf } from '@reprisals/persistence';

/**
 * Who last set each Permanent Mission's address, and the history of every change (append-only):
 * the address before and after, why, by whom and when; `seq` keeps their order when the clock
 * gives two changes the same instant.
 */
export class CreateMissionContactChanges1767225780000 implements MigrationInterface {
  name = 'CreateMissionContactChanges1767225780000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."mission_contact" ADD COLUMN "updated_by" TEXT NULL`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."mission_contact_change" (
        "id" UUID PRIMARY KEY,
        "state_code" CHAR(3) NOT NULL,
        "previous_email" TEXT NULL,
        "email" TEXT NOT NULL,
        "note" TEXT NULL,
        "changed_by" TEXT NOT NULL,
        "changed_at" TIMESTAMPTZ NOT NULL,
        "seq" BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
      )`);
    await queryRunner.query(
      `CREATE INDEX "mission_contact_change_state" ON "${schema}"."mission_contact_change" ("state_code", "seq")`,
    );
    await makeTableAppendOnly(
      queryRunner,
      'mission_contact_change',
      'mission contact changes are append-only',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await dropAppendOnlyTable(queryRunner, 'mission_contact_change');
    await queryRunner.query(`ALTER TABLE "${schema}"."mission_contact" DROP COLUMN "updated_by"`);
  }
}
