import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * The acts of a case and its cooperation with the UN (HRC resolution 54/24, para 4). Allegations
 * recorded before have none: their cooperation columns stay null.
 */
export class CreateActsAndCooperation1767225712000 implements MigrationInterface {
  name = 'CreateActsAndCooperation1767225712000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}"."allegation"
        ADD COLUMN "cooperation_mechanism" TEXT NULL,
        ADD COLUMN "cooperation_detail" TEXT NULL,
        ADD COLUMN "cooperation_category" TEXT NULL CHECK ("cooperation_category" IN ('a', 'b', 'c', 'd')),
        ADD COLUMN "cooperation_date" DATE NULL,
        ADD COLUMN "sealed_cooperation" TEXT NULL`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."act_record" (
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "position" INTEGER NOT NULL,
        "type" TEXT NOT NULL,
        "date" DATE NULL,
        "period_from" DATE NULL,
        "period_to" DATE NULL,
        "country" TEXT NOT NULL,
        "online" BOOLEAN NOT NULL,
        "perpetrator" TEXT NOT NULL CHECK ("perpetrator" IN ('state', 'non-state', 'unknown')),
        "sealed_details" TEXT NULL,
        PRIMARY KEY ("case_id", "position")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."act_record"`);
    await queryRunner.query(`
      ALTER TABLE "${schema}"."allegation"
        DROP COLUMN "cooperation_mechanism", DROP COLUMN "cooperation_detail",
        DROP COLUMN "cooperation_category", DROP COLUMN "cooperation_date", DROP COLUMN "sealed_cooperation"`);
  }
}
