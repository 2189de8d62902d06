import { caseAccessBackfillMigration } from '@reprisals/case-access';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import { durableTimersMigration } from '@reprisals/durable-timers';
import { CreateVerificationTables1767225602000 } from './migrations/1767225602000-create-verification-tables.migration';
import { CreateResponseProtocolTables1767225740000 } from './migrations/1767225740000-create-response-protocol-tables.migration';
import { ProtocolDecisionEntity } from './protocol-decision.entity';
import { VerificationApprovalEntity } from './verification-approval.entity';
import { VerificationCaseEntity } from './verification-case.entity';

export const VERIFICATION_DATA_SOURCE = 'verification';
export const VERIFICATION_SCHEMA = 'verification';

export const VERIFICATION_ENTITIES = [
  VerificationCaseEntity,
  VerificationApprovalEntity,
  ProtocolDecisionEntity,
  ...MESSAGING_ENTITIES,
];
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
  CreateResponseProtocolTables1767225740000,
  durableTimersMigration(1767225740100),
];
