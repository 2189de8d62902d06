import { caseAccessBackfillMigration } from '@reprisals/case-access';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import { CreateStateCommunicationTables1767225603000 } from './migrations/1767225603000-create-state-communication-tables.migration';
import { StateCaseFileEntity } from './state-case-file.entity';

export const STATE_COMMUNICATION_DATA_SOURCE = 'state-communication';
export const STATE_COMMUNICATION_SCHEMA = 'state_communication';

export const STATE_COMMUNICATION_ENTITIES = [StateCaseFileEntity, ...MESSAGING_ENTITIES];
export const STATE_COMMUNICATION_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateStateCommunicationTables1767225603000,
  caseAccessBackfillMigration({
    timestamp: 1767225700002,
    table: 'state_case_file',
    caseIdColumn: 'case_id',
    leadEntityColumn: 'lead_entity',
    sinceColumn: 'opened_at',
  }),
];
