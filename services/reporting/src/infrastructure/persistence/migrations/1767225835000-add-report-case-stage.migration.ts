import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * The furthest stage of the response protocol each case reached, for dashboards. Cases projected
 * before it was kept know only whether they were closed; `npm run reporting:rebuild` gives every
 * case its stage from the events.
 */
export class AddReportCaseStage1767225835000 implements MigrationInterface {
  name = 'AddReportCaseStage1767225835000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."report_case" ADD COLUMN "stage" TEXT`);
    await queryRunner.query(`UPDATE "${schema}"."report_case" SET "stage" = 'closed' WHERE "closed"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."report_case" DROP COLUMN "stage"`);
  }
}
