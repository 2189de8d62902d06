import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * What each timeline step says besides its type (codes, dates and ids of its event). Steps
 * projected before it was kept have none; `npm run reporting:rebuild` gives every step its detail.
 */
export class AddTimelineEntryDetail1767225836000 implements MigrationInterface {
  name = 'AddTimelineEntryDetail1767225836000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${schemaOf(queryRunner)}"."timeline_entry" ADD COLUMN "detail" JSONB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}"."timeline_entry" DROP COLUMN "detail"`);
  }
}
