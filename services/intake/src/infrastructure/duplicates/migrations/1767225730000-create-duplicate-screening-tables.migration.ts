import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * Fingerprints of victims' identifiers (keyed hashes, never the identifiers) and the pairs of
 * cases they matched, with the officers' decisions on them.
 */
export class CreateDuplicateScreeningTables1767225730000 implements MigrationInterface {
  name = 'CreateDuplicateScreeningTables1767225730000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."duplicate_fingerprint" (
        "case_id" UUID NOT NULL,
        "victim_pseudonym" TEXT NOT NULL,
        "kind" TEXT NOT NULL CHECK ("kind" IN ('person', 'organisation', 'contact')),
        "fingerprint" CHAR(64) NOT NULL CHECK ("fingerprint" ~ '^[0-9a-f]{64}$'),
        "key_id" TEXT NOT NULL,
        "recorded_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("case_id", "victim_pseudonym", "kind", "fingerprint"),
        FOREIGN KEY ("case_id", "victim_pseudonym")
          REFERENCES "${schema}"."victim_record" ("case_id", "pseudonym") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE INDEX "duplicate_fingerprint_match"
        ON "${schema}"."duplicate_fingerprint" ("key_id", "kind", "fingerprint")`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."possible_duplicate" (
        "pair_id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "other_case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "matched_on" TEXT[] NOT NULL CHECK (
          cardinality("matched_on") > 0 AND "matched_on" <@ ARRAY['person', 'organisation', 'contact']
        ),
        "score" INTEGER NOT NULL CHECK ("score" BETWEEN 0 AND 100),
        "case_victims" TEXT[] NOT NULL,
        "other_case_victims" TEXT[] NOT NULL,
        "status" TEXT NOT NULL CHECK ("status" IN ('open', 'linked', 'dismissed')),
        "found_at" TIMESTAMPTZ NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL,
        "decided_at" TIMESTAMPTZ NULL,
        "decided_by_sub" TEXT NULL,
        "decided_by_entity" TEXT NULL,
        "decided_for_case_id" UUID NULL,
        "decision_reason" TEXT NULL,
        "decision_note" TEXT NULL,
        "link_id" UUID NULL UNIQUE,
        CHECK ("case_id" <> "other_case_id"),
        CHECK (("status" = 'open') = ("decided_at" IS NULL)),
        CHECK (("status" = 'linked') = ("link_id" IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "possible_duplicate_pair" ON "${schema}"."possible_duplicate"
        (LEAST("case_id", "other_case_id"), GREATEST("case_id", "other_case_id"))`);
    await queryRunner.query(
      `CREATE INDEX "possible_duplicate_case" ON "${schema}"."possible_duplicate" ("case_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "possible_duplicate_other_case" ON "${schema}"."possible_duplicate" ("other_case_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."possible_duplicate"`);
    await queryRunner.query(`DROP TABLE "${schema}"."duplicate_fingerprint"`);
  }
}
