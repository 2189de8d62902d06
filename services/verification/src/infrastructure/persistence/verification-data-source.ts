import { caseAccessBackfillMigration } from '@reprisals/case-access';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import { CreateVerificationTables1767225602000 } from './migrations/1767225602000-create-verification-tables.migration';
import { VerificationCaseEntity } from './verification-case.entity';

export const VERIFICATION_DATA_SOURCE = 'verification';
export const VERIFICATION_SCHEMA = 'verification';

export const VERIFICATION_ENTITIES = [VerificationCaseEntity, ...MESSAGING_ENTITIES];
export const VERIFICATION_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateVerificationTables1767225602000,
  caseAccessBackfillMigration({
    timestamp: 1767225700001,
    table: 'verification_case',
    caseIdColumn: 'case_id',
    leadEntityColumn: 'lead_entity',
    sinceColumn: 'opened_at',
  }),
];
