import { AuditCheckpointEntity } from './checkpoints/audit-checkpoint.entity';
import { CreateAuditTables1767225600100 } from './migrations/1767225600100-create-audit-tables.migration';
import { AuditRecordEntity } from './records/audit-record.entity';

/** Add to every service's data source: each service keeps its own audit chain in its own schema. */
export const AUDIT_ENTITIES = [AuditRecordEntity, AuditCheckpointEntity];
export const AUDIT_MIGRATIONS = [CreateAuditTables1767225600100];
