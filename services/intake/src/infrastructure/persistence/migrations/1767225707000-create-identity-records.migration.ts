import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * Victims and sources of a case, and its detailed account. Identifying fields are stored only
 * sealed with the case's data key (see libs/identity-vault): destroying the key erases them.
 */
export class CreateIdentityRecords1767225707000 implements MigrationInterface {
  name = 'CreateIdentityRecords1767225707000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."allegation" ADD COLUMN "sealed_account" TEXT NULL`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."victim_record" (
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "pseudonym" TEXT NOT NULL,
        "position" INTEGER NOT NULL,
        "kind" TEXT NOT NULL CHECK ("kind" IN ('individual', 'organisation')),
        "profile" TEXT NULL,
        "gender" TEXT NULL,
        "age_group" TEXT NULL,
        "organisation_type" TEXT NULL,
        "sealed_identity" TEXT NOT NULL,
        PRIMARY KEY ("case_id", "pseudonym")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."source_record" (
        "case_id" UUID NOT NULL REFERENCES "${schema}"."allegation" ("id"),
        "pseudonym" TEXT NOT NULL,
        "position" INTEGER NOT NULL,
        "channel" TEXT NOT NULL,
        "received_on" DATE NOT NULL,
        "relation" TEXT NOT NULL,
        "reliability" TEXT NOT NULL,
        "sealed_identity" TEXT NOT NULL,
        PRIMARY KEY ("case_id", "pseudonym")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."source_record"`);
    await queryRunner.query(`DROP TABLE "${schema}"."victim_record"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."allegation" DROP COLUMN "sealed_account"`);
  }
}
