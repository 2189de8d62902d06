export { ReportingModule } from './reporting.module';
export { REPORTING_SCHEMA } from './infrastructure/persistence/reporting-data-source';
