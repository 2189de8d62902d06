import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/**
 * What a lead transfer request rested on: the victim's consent to share (checked again when the
 * transfer is accepted) or a supervisor's override, with its reason. Earlier requests are taken
 * as resting on consent, the stricter reading.
 */
export class AddLeadTransferConsentBasis1767225714000 implements MigrationInterface {
  name = 'AddLeadTransferConsentBasis1767225714000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}"."lead_transfer_record"
        ADD COLUMN "consent_basis" TEXT NOT NULL DEFAULT 'consent'
          CHECK ("consent_basis" IN ('consent', 'supervisor-override')),
        ADD COLUMN "override_reason" TEXT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${schemaOf(queryRunner)}"."lead_transfer_record" DROP COLUMN "consent_basis", DROP COLUMN "override_reason"`,
    );
  }
}
