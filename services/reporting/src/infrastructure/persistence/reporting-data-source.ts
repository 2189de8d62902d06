import { AddTimelineEntryDetail1767225836000 } from './migrations/1767225836000-add-timeline-entry-detail.migration';
import { AddReportCaseStage1767225835000 } from './migrations/1767225835000-add-report-case-stage.migration';
import { CreateReportVersions1767225820000 } from './migrations/1767225820000-create-report-versions.migration';
import { CreateReportingCycles1767225810000 } from './migrations/1767225810000-create-reporting-cycles.migration';
import { ReportingCycleEntity } from './reporting-cycle.entity';
import { AuditCheckpointCopyEntity } from '@reprisals/audit';
import { caseAccessBackfillMigration } from '@reprisals/case-access';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import { CaseAuditEntryEntity } from './case-audit-entry.entity';
import { CreateAuditCheckpointCopies1767225703000 } from './migrations/1767225703000-create-audit-checkpoint-copies.migration';
import { CaseOverviewEntity } from './case-overview.entity';
import { CreateCaseAuditEntries1767225702000 } from './migrations/1767225702000-create-case-audit-entries.migration';
import { CreateReportingTables1767225604000 } from './migrations/1767225604000-create-reporting-tables.migration';
import { TimelineEntryEntity } from './timeline-entry.entity';
import { CaseLinkEntity } from './case-link.entity';
import { CreateCaseLinks1767225731000 } from './migrations/1767225731000-create-case-links.migration';
import { ReportCaseEntity } from './report-case.entity';
import { CreateReportCases1767225800000 } from './migrations/1767225800000-create-report-cases.migration';

export const REPORTING_DATA_SOURCE = 'reporting';
export const REPORTING_SCHEMA = 'reporting';

export const REPORTING_ENTITIES = [
  TimelineEntryEntity,
  CaseOverviewEntity,
  CaseAuditEntryEntity,
  AuditCheckpointCopyEntity,
  ...MESSAGING_ENTITIES,
  CaseLinkEntity,
  ReportCaseEntity,
  ReportingCycleEntity,
];
export const REPORTING_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateReportingTables1767225604000,
  caseAccessBackfillMigration({
    timestamp: 1767225700003,
    table: 'case_overview',
    caseIdColumn: 'case_id',
    leadEntityColumn: 'lead_entity',
    sinceColumn: 'updated_at',
  }),
  CreateCaseAuditEntries1767225702000,
  CreateAuditCheckpointCopies1767225703000,
  CreateCaseLinks1767225731000,
  CreateReportCases1767225800000,
  CreateReportingCycles1767225810000,
  CreateReportVersions1767225820000,
  AddReportCaseStage1767225835000,
  AddTimelineEntryDetail1767225836000,
];
