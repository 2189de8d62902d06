import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** Each change of an allegation raises its version: the ETag clients send back with If-Match. */
export class AddAllegationVersion1767225713000 implements MigrationInterface {
  name = 'AddAllegationVersion1767225713000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}"."allegation"
        ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1 CHECK ("version" > 0),
        ADD COLUMN "changed_at" TIMESTAMPTZ NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${schemaOf(queryRunner)}"."allegation" DROP COLUMN "version", DROP COLUMN "changed_at"`,
    );
  }
}
