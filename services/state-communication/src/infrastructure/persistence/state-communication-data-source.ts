import { caseAccessBackfillMigration } from '@reprisals/case-access';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import { CreateStateCommunicationTables1767225603000 } from './migrations/1767225603000-create-state-communication-tables.migration';
import { durableTimersMigration } from '@reprisals/durable-timers';
import { caseDataKeysMigration } from '@reprisals/identity-vault';
import { ReplyDocumentEntity } from '../reply-documents/reply-document.entity';
import { CreateReplyDocuments1767225790000 } from './migrations/1767225790000-create-reply-documents.migration';
import { CallForInputEntity } from './call-for-input.entity';
import { CommunicationEntity } from './communication.entity';
import { CreateCallsForInput1767225770000 } from './migrations/1767225770000-create-calls-for-input.migration';
import { CreateCommunicationTables1767225750000 } from './migrations/1767225750000-create-communication-tables.migration';
import { StateCaseFileEntity } from './state-case-file.entity';
import { MissionContactChangeEntity } from './mission-contact-change.entity';
import { MissionContactEntity } from './mission-contact.entity';
import { CreateMissionContactChanges1767225780000 } from './migrations/1767225780000-create-mission-contact-changes.migration';

export const STATE_COMMUNICATION_DATA_SOURCE = 'state-communication';
export const STATE_COMMUNICATION_SCHEMA = 'state_communication';

export const STATE_COMMUNICATION_ENTITIES = [
  StateCaseFileEntity,
  CommunicationEntity,
  CallForInputEntity,
  MissionContactEntity,
  MissionContactChangeEntity,
  // What lists the documents of States' replies (the files are in the reply document store, sealed).
  ReplyDocumentEntity,
  ...MESSAGING_ENTITIES,
];
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
  CreateCallsForInput1767225770000,
  CreateMissionContactChanges1767225780000,
  // The identity vault's data keys: each case's (a call for input's, by communication) seals its reply documents.
  caseDataKeysMigration(1767225789000),
  CreateReplyDocuments1767225790000,
];
