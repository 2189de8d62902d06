import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadEntityRegistry } from '@reprisals/case-access';
import { schemaOf } from '@reprisals/persistence';

/**
 * The registry of UN entities, seeded once from the shipped file; from then on admins edit it
 * through intake. A later addition to the file needs a migration of its own.
 */
export class CreateUnEntityRegistry1767225705000 implements MigrationInterface {
  name = 'CreateUnEntityRegistry1767225705000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."un_entity" (
        "code" TEXT PRIMARY KEY,
        "kind" TEXT NOT NULL,
        "name" TEXT NOT NULL,
        "parent" TEXT REFERENCES "${schema}"."un_entity" ("code") DEFERRABLE INITIALLY DEFERRED,
        "active" BOOLEAN NOT NULL DEFAULT TRUE,
        "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "updated_by_sub" TEXT,
        CHECK ("parent" IS NULL OR "parent" <> "code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."entity_focal_point" (
        "entity_code" TEXT NOT NULL REFERENCES "${schema}"."un_entity" ("code"),
        "sub" TEXT NOT NULL,
        "designated_by_sub" TEXT NOT NULL,
        "designated_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("entity_code", "sub")
      )`);
    for (const entity of loadEntityRegistry().all()) {
      await queryRunner.query(
        `INSERT INTO "${schema}"."un_entity" ("code", "kind", "name", "parent") VALUES ($1, $2, $3, $4)`,
        [entity.code, entity.kind, entity.name, entity.parent ?? null],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."entity_focal_point"`);
    await queryRunner.query(`DROP TABLE "${schema}"."un_entity"`);
  }
}
