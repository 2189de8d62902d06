import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';
import { UN_STATES } from '@reprisals/un-states';

/**
 * Communications with States (one JSON document each, with the columns lists filter on), the
 * non-identifying facts of each case the templates draw on, and the contact of each State's
 * Permanent Mission (seeded with placeholder addresses that admins replace).
 */
export class CreateCommunicationTables1767225750000 implements MigrationInterface {
  name = 'CreateCommunicationTables1767225750000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}"."state_case_file"
        ADD COLUMN "facts" JSONB NOT NULL DEFAULT '{"acts": [], "cooperation": null}'::jsonb`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."communication" (
        "id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL REFERENCES "${schema}"."state_case_file" ("case_id"),
        "state_concerned" CHAR(3) NOT NULL,
        "kind" TEXT NOT NULL,
        "status" TEXT NOT NULL,
        "response_action_id" UUID NULL,
        "document" JSONB NOT NULL,
        "reply_due_on" DATE NULL,
        "drafted_at" TIMESTAMPTZ NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    // A decided response action is drafted once, however often its event is delivered.
    await queryRunner.query(`
      CREATE UNIQUE INDEX "communication_response_action" ON "${schema}"."communication" ("response_action_id")
      WHERE "response_action_id" IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "communication_case" ON "${schema}"."communication" ("case_id", "drafted_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "communication_state_status" ON "${schema}"."communication" ("state_concerned", "status")`,
    );
    await queryRunner.query(`
      CREATE TABLE "${schema}"."mission_contact" (
        "state_code" CHAR(3) PRIMARY KEY,
        "email" TEXT NOT NULL,
        "placeholder" BOOLEAN NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    const values = UN_STATES.map((_, index) => `($${index * 2 + 1}, $${index * 2 + 2}, TRUE, now())`).join(
      ', ',
    );
    await queryRunner.query(
      `INSERT INTO "${schema}"."mission_contact" ("state_code", "email", "placeholder", "updated_at") VALUES ${values}`,
      UN_STATES.flatMap((state) => [
        state.alpha3,
        `permanent-mission.${state.alpha3.toLowerCase()}@example.org`,
      ]),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."mission_contact"`);
    await queryRunner.query(`DROP TABLE "${schema}"."communication"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."state_case_file" DROP COLUMN "facts"`);
  }
}
