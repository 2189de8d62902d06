import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * Calls for input: one per reporting period, each sent as one communication per State. Those
 * communications concern no case, so a communication now belongs to a case or to a call, never
 * both and never neither; a call reaches each State once, and no two calls cover the same day.
 */
export class CreateCallsForInput1767225770000 implements MigrationInterface {
  name = 'CreateCallsForInput1767225770000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."call_for_input" (
        "id" UUID PRIMARY KEY,
        "reference" TEXT NOT NULL UNIQUE,
        "period_from" DATE NOT NULL,
        "period_to" DATE NOT NULL,
        "entity" TEXT NOT NULL,
        "status" TEXT NOT NULL,
        "document" JSONB NOT NULL,
        "drafted_at" TIMESTAMPTZ NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL,
        CONSTRAINT "call_for_input_period_order" CHECK ("period_from" <= "period_to"),
        CONSTRAINT "call_for_input_period" EXCLUDE USING gist (daterange("period_from", "period_to", '[]') WITH &&)
      )`);
    await queryRunner.query(`ALTER TABLE "${schema}"."communication" ALTER COLUMN "case_id" DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "${schema}"."communication"
        ADD COLUMN "call_for_input_id" UUID NULL REFERENCES "${schema}"."call_for_input" ("id"),
        ADD CONSTRAINT "communication_case_or_call" CHECK (("case_id" IS NULL) <> ("call_for_input_id" IS NULL))`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "communication_call_state" ON "${schema}"."communication" ("call_for_input_id", "state_concerned")
      WHERE "call_for_input_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DELETE FROM "${schema}"."communication" WHERE "call_for_input_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."communication" DROP COLUMN "call_for_input_id"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."communication" ALTER COLUMN "case_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "${schema}"."call_for_input"`);
  }
}
