import { caseAccessBackfillMigration } from '@reprisals/case-access';
import { AuditCheckpointCopyEntity } from '@reprisals/audit';
import { caseDataKeysMigration } from '@reprisals/identity-vault';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import { AllegationEntity } from './allegation.entity';
import { CaseShareRecordEntity } from './case-share-record.entity';
import { ActRecordEntity } from './act-record.entity';
import { AddLeadTransferConsentBasis1767225714000 } from './migrations/1767225714000-add-lead-transfer-consent-basis.migration';
import { AddAllegationVersion1767225713000 } from './migrations/1767225713000-add-allegation-version.migration';
import { ConsentRecordEntity } from './consent-record.entity';
import { CreateActsAndCooperation1767225712000 } from './migrations/1767225712000-create-acts-and-cooperation.migration';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { CreateIdempotencyRecords1767225711000 } from './migrations/1767225711000-create-idempotency-records.migration';
import { CreateProtectionFlagRecords1767225710000 } from './migrations/1767225710000-create-protection-flag-records.migration';
import { ProtectionFlagRecordEntity } from './protection-flag-record.entity';
import { ErasureRecordEntity } from './erasure-record.entity';
import { CreateAuditCheckpointCopies1767225709000 } from './migrations/1767225709000-create-audit-checkpoint-copies.migration';
import { CreateErasureRecords1767225708000 } from './migrations/1767225708000-create-erasure-records.migration';
import { CreateIdentityRecords1767225707000 } from './migrations/1767225707000-create-identity-records.migration';
import { SourceRecordEntity } from './source-record.entity';
import { VictimRecordEntity } from './victim-record.entity';
import { CreateConsentRecords1767225706000 } from './migrations/1767225706000-create-consent-records.migration';
import { EntityFocalPointRecordEntity } from './entity-focal-point-record.entity';
import { LeadTransferRecordEntity } from './lead-transfer-record.entity';
import { UnEntityRecordEntity } from './un-entity-record.entity';
import { CreateUnEntityRegistry1767225705000 } from './migrations/1767225705000-create-un-entity-registry.migration';
import { CreateLeadTransferRecords1767225704000 } from './migrations/1767225704000-create-lead-transfer-records.migration';
import { CreateCaseShareRecords1767225701000 } from './migrations/1767225701000-create-case-share-records.migration';
import { CaseReferenceCounterEntity } from './case-reference-counter.entity';
import { CreateIntakeTables1767225601000 } from './migrations/1767225601000-create-intake-tables.migration';
import { CaseAttachmentEntity } from '../evidence/case-attachment.entity';
import { CreateCaseAttachments1767225720000 } from '../evidence/1767225720000-create-case-attachments.migration';
import { DuplicateFingerprintEntity } from '../duplicates/duplicate-fingerprint.entity';
import { CreateDuplicateScreeningTables1767225730000 } from '../duplicates/migrations/1767225730000-create-duplicate-screening-tables.migration';
import { PossibleDuplicateRecordEntity } from '../duplicates/possible-duplicate-record.entity';

/** Name of intake's data source; its tables live in the `intake` schema and nowhere else. */
export const INTAKE_DATA_SOURCE = 'intake';
export const INTAKE_SCHEMA = 'intake';

export const INTAKE_ENTITIES = [
  AllegationEntity,
  CaseReferenceCounterEntity,
  CaseShareRecordEntity,
  LeadTransferRecordEntity,
  UnEntityRecordEntity,
  EntityFocalPointRecordEntity,
  ConsentRecordEntity,
  VictimRecordEntity,
  SourceRecordEntity,
  ErasureRecordEntity,
  ProtectionFlagRecordEntity,
  IdempotencyRecordEntity,
  ActRecordEntity,
  // The copies of reporting's signed audit checkpoints: intake is reporting's witness.
  AuditCheckpointCopyEntity,
  ...MESSAGING_ENTITIES,
  // What lists each case's evidence files (the files are in the evidence store, sealed).
  CaseAttachmentEntity,
  // Fingerprints of victims' identifiers (keyed hashes) and the possible duplicates they found.
  DuplicateFingerprintEntity,
  PossibleDuplicateRecordEntity,
];
export const INTAKE_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateIntakeTables1767225601000,
  caseAccessBackfillMigration({
    timestamp: 1767225700000,
    table: 'allegation',
    caseIdColumn: 'id',
    leadEntityColumn: 'lead_entity',
    sinceColumn: 'recorded_at',
  }),
  CreateCaseShareRecords1767225701000,
  CreateLeadTransferRecords1767225704000,
  CreateUnEntityRegistry1767225705000,
  CreateConsentRecords1767225706000,
  caseDataKeysMigration(1767225706500),
  CreateIdentityRecords1767225707000,
  CreateErasureRecords1767225708000,
  CreateAuditCheckpointCopies1767225709000,
  CreateProtectionFlagRecords1767225710000,
  CreateIdempotencyRecords1767225711000,
  CreateActsAndCooperation1767225712000,
  AddAllegationVersion1767225713000,
  AddLeadTransferConsentBasis1767225714000,
  CreateCaseAttachments1767225720000,
  CreateDuplicateScreeningTables1767225730000,
];
