import { auditCheckpointCopiesMigration } from '@reprisals/audit';

/** Reporting keeps the signed checkpoints of intake's, verification's and state-communication's chains. */
export const CreateAuditCheckpointCopies1767225703000 = auditCheckpointCopiesMigration(1767225703000);
