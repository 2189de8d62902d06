import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnlyTable, makeTableAppendOnly, schemaOf } from '@reprisals/persistence';

/**
 * The response protocol's tables: the case's whole protocol state (one JSON document per case,
 * with the columns lists filter on), the approval requests supervisors answer, and the
 * append-only record of every decision with the version of the rules that allowed it.
 */
export class CreateResponseProtocolTables1767225740000 implements MigrationInterface {
  name = 'CreateResponseProtocolTables1767225740000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    const cases = `"${schema}"."verification_case"`;
    await queryRunner.query(`
      ALTER TABLE ${cases}
        ADD COLUMN "track" TEXT NOT NULL DEFAULT 'standard' CHECK ("track" IN ('standard', 'urgent')),
        ADD COLUMN "risk" TEXT NULL CHECK ("risk" IN ('low', 'medium', 'high', 'critical')),
        ADD COLUMN "protocol_state" JSONB NULL,
        ADD COLUMN "attention_at" TIMESTAMPTZ NULL,
        ADD COLUMN "updated_at" TIMESTAMPTZ NULL`);
    // Cases opened before the protocol had state: registered, nothing decided yet.
    await queryRunner.query(`
      UPDATE ${cases} SET "updated_at" = "opened_at", "protocol_state" = jsonb_build_object(
        'caseId', "case_id", 'reference', "reference", 'stateConcerned', "state_concerned",
        'leadEntity', "lead_entity", 'stage', "stage", 'protocolVersion', "protocol_version",
        'openedAt', to_char("opened_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'track', 'standard', 'risk', NULL, 'urgency', NULL, 'urgentResponseDueAt', NULL,
        'scope', NULL, 'conclusion', NULL, 'corroborations', '[]'::jsonb, 'actions', '[]'::jsonb,
        'approvals', '[]'::jsonb, 'escalation', NULL, 'closure', NULL)`);
    await queryRunner.query(`
      ALTER TABLE ${cases}
        ALTER COLUMN "protocol_state" SET NOT NULL,
        ALTER COLUMN "updated_at" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "verification_case_stage_risk" ON ${cases} ("stage", "risk")`);
    await queryRunner.query(`CREATE INDEX "verification_case_attention" ON ${cases} ("attention_at")`);

    await queryRunner.query(`
      CREATE TABLE "${schema}"."verification_approval" (
        "approval_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL REFERENCES ${cases} ("case_id"),
        "subject" TEXT NOT NULL CHECK ("subject" IN ('verification-conclusion', 'response-action')),
        "status" TEXT NOT NULL CHECK ("status" IN ('pending', 'approved', 'rejected', 'cancelled')),
        "requested_at" TIMESTAMPTZ NOT NULL,
        "due_by" TIMESTAMPTZ NOT NULL,
        "overdue" BOOLEAN NOT NULL DEFAULT FALSE
      )`);
    await queryRunner.query(`
      CREATE INDEX "verification_approval_pending" ON "${schema}"."verification_approval" ("case_id")
      WHERE "status" = 'pending'`);

    await queryRunner.query(`
      CREATE TABLE "${schema}"."protocol_decision" (
        "id" BIGSERIAL PRIMARY KEY,
        "case_id" UUID NOT NULL REFERENCES ${cases} ("case_id"),
        "step" TEXT NOT NULL,
        "from_stage" TEXT NOT NULL,
        "to_stage" TEXT NOT NULL,
        "policy_version" TEXT NOT NULL,
        "outcome" TEXT NULL,
        "subject_id" UUID NULL,
        "actor_kind" TEXT NOT NULL CHECK ("actor_kind" IN ('user', 'system')),
        "actor_sub" TEXT NULL,
        "actor_role" TEXT NULL,
        "actor_entity" TEXT NULL,
        "event_ids" UUID[] NOT NULL,
        "decided_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "protocol_decision_case" ON "${schema}"."protocol_decision" ("case_id", "id")`,
    );
    await makeTableAppendOnly(queryRunner, 'protocol_decision', 'protocol decisions are append-only');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await dropAppendOnlyTable(queryRunner, 'protocol_decision');
    await queryRunner.query(`DROP TABLE "${schema}"."verification_approval"`);
    await queryRunner.query(`DROP INDEX "${schema}"."verification_case_stage_risk"`);
    await queryRunner.query(`DROP INDEX "${schema}"."verification_case_attention"`);
    await queryRunner.query(`
      ALTER TABLE "${schema}"."verification_case"
        DROP COLUMN "track", DROP COLUMN "risk", DROP COLUMN "protocol_state",
        DROP COLUMN "attention_at", DROP COLUMN "updated_at"`);
  }
}
