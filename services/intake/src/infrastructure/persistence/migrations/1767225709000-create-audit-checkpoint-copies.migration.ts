import { auditCheckpointCopiesMigration } from '@reprisals/audit';

/** Intake keeps the signed checkpoints of reporting's audit chain: reporting's witness. */
export const CreateAuditCheckpointCopies1767225709000 = auditCheckpointCopiesMigration(1767225709000);
