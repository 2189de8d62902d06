import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * The cases as statistics count them: ids, codes, categories, dates and counts. Cases reporting
 * already knew start from their reception (case_overview); the facts of their victims and acts
 * come with the events projected from then on, and count as not recorded until they do.
 */
export class CreateReportCases1767225800000 implements MigrationInterface {
  name = 'CreateReportCases1767225800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."report_case" (
        "case_id" UUID PRIMARY KEY,
        "reference" TEXT NULL,
        "state_concerned" CHAR(3) NULL,
        "lead_entity" TEXT NULL,
        "lead_transferred_at" TIMESTAMPTZ NULL,
        "received_on" DATE NULL,
        "received_year" SMALLINT NULL,
        "victims" JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof("victims") = 'array'),
        "acts" JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof("acts") = 'array'),
        "mechanism" TEXT NULL,
        "category" TEXT NULL,
        "victims_version" INTEGER NOT NULL DEFAULT 0,
        "acts_version" INTEGER NOT NULL DEFAULT 0,
        "cooperation_version" INTEGER NOT NULL DEFAULT 0,
        "screening_scope" TEXT NULL CHECK ("screening_scope" IN ('in-scope', 'out-of-scope')),
        "screened_at" TIMESTAMPTZ NULL,
        "risk_level" TEXT NULL,
        "risk_assessed_at" TIMESTAMPTZ NULL,
        "verification_outcome" TEXT NULL,
        "verification_concluded_on" DATE NULL,
        "verification_concluded_at" TIMESTAMPTZ NULL,
        "verification_late_for_cycle" TEXT NULL CHECK ("verification_late_for_cycle" ~ '^[0-9]{4}-[0-9]{4}$'),
        "response_actions" JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof("response_actions") = 'array'),
        "sent_communication_ids" UUID[] NOT NULL DEFAULT '{}',
        "communications_sent" INTEGER NOT NULL DEFAULT 0,
        "missed_deadline_communication_ids" UUID[] NOT NULL DEFAULT '{}',
        "deadlines_missed" INTEGER NOT NULL DEFAULT 0,
        "state_replies" JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof("state_replies") = 'array'),
        "first_reply_id" UUID NULL,
        "first_reply_type" TEXT NULL,
        "first_reply_on" DATE NULL,
        "closed" BOOLEAN NOT NULL DEFAULT FALSE,
        "personal_data_erased" BOOLEAN NOT NULL DEFAULT FALSE,
        "last_event_at" TIMESTAMPTZ NULL,
        CHECK ("received_year" = EXTRACT(YEAR FROM "received_on")),
        CHECK ("communications_sent" = cardinality("sent_communication_ids")),
        CHECK ("deadlines_missed" = cardinality("missed_deadline_communication_ids"))
      )`);
    await queryRunner.query(
      `CREATE INDEX "report_case_received_on" ON "${schema}"."report_case" ("received_on")`,
    );
    await queryRunner.query(`
      INSERT INTO "${schema}"."report_case"
        ("case_id", "reference", "state_concerned", "lead_entity", "received_on", "received_year")
      SELECT "case_id", "reference", "state_concerned", "lead_entity", "received_on",
             EXTRACT(YEAR FROM "received_on")
        FROM "${schema}"."case_overview"
      ON CONFLICT ("case_id") DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."report_case"`);
  }
}
