import { caseAccessBackfillMigration } from '@reprisals/case-access';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import { CreateStateCommunicationTables1767225603000 } from './migrations/1767225603000-create-state-communication-tables.migration';
import { durableTimersMigration } from '@reprisals/durable-timers';
import { CommunicationEntity } from './communication.entity';
import { CreateCommunicationTables1767225750000 } from './migrations/1767225750000-create-communication-tables.migration';
import { StateCaseFileEntity } from './state-case-file.entity';

export const STATE_COMMUNICATION_DATA_SOURCE = 'state-communication';
export const STATE_COMMUNICATION_SCHEMA = 'state_communication';

export const STATE_COMMUNICATION_ENTITIES = [StateCaseFileEntity, CommunicationEntity, ...MESSAGING_ENTITIES];
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
  CreateCommunicationTables1767225750000,
  durableTimersMigration(1767225750100),
];
