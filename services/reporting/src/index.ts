export { ReportingModule } from './reporting.module';
export { REPORTING_SCHEMA } from './infrastructure/persistence/reporting-data-source';
export {
  rebuildReportingProjections,
  type RebuildReport,
} from './infrastructure/rebuild/rebuild-projections';
export { STANDALONE_OUTBOX_SCHEMAS } from './infrastructure/rebuild/replay-source.config';
