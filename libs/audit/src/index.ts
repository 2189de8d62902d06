/**
 * @reprisals/audit: every service's tamper-evident record of who did and read what.
 *
 * Each service keeps its own chain in its own schema (add AUDIT_ENTITIES and AUDIT_MIGRATIONS to
 * its data source). A record holds ids and fixed codes only, never personal data; it is written
 * in the same transaction as the step it records; the tables refuse UPDATE, DELETE and TRUNCATE;
 * each record carries the SHA-256 of its canonical JSON and of the record before it, and
 * checkpoints sign the chain's head with an Ed25519 key from configuration.
 *
 * ```ts
 * const trail = new AuditTrail({ service: 'intake', dataSource, clock, signer: auditSignerFromEnvironment() });
 * await trail.record(manager, { ...actingUserAudit(user), action: 'allegation:create', caseId, outcome: 'allowed' });
 * await trail.checkpoint();
 * const { ok, firstProblem } = await trail.verify();
 * verifyExport(await trail.exportChain(), { 'key-2026': publicKeyPem });   // offline
 * ```
 *
 * In a Nest service: `AuditModule.forService({ service: 'intake', dataSourceName: 'intake' })`
 * provides AuditTrail and serves `GET /intake/audit` (permission audit:read).
 * `libs/audit/src/cli/verify-audit.ts` verifies every service's chain from a terminal.
 *
 * A witness keeps copies of other services' signed checkpoints (AuditCheckpointCopyEntity and
 * auditCheckpointCopiesMigration in its data source, auditWitnessSubscriptions in its
 * `*.subscriptions.ts`), so that a chain rewritten and re-signed in its own database no longer
 * matches them: reporting witnesses intake, verification and state-communication; intake
 * witnesses reporting.
 */
export { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from './audit-schema';
export { AuditRecordEntity } from './records/audit-record.entity';
export { AuditCheckpointEntity } from './checkpoints/audit-checkpoint.entity';
export {
  APPEND_ONLY_MESSAGE,
  CreateAuditTables1767225600100,
} from './migrations/1767225600100-create-audit-tables.migration';

export {
  AuditEntrySchema,
  InvalidAuditEntryError,
  parseAuditEntry,
  type AuditActor,
  type AuditEntry,
  type ValidAuditEntry,
} from './entry/audit-entry';
export { actingUserAudit } from './entry/audit-actor';
export type { AuditRecordView } from './records/audit-record.view';
export type { AuditCheckpointView } from './checkpoints/audit-checkpoint.view';
export type { CheckpointPublisher } from './checkpoints/audit-checkpoint.writer';
export {
  DEFAULT_AUDIT_LIST_LIMIT,
  MAX_AUDIT_LIST_LIMIT,
  type AuditRecordFilter,
} from './records/audit-record.reader';
export { AuditTrail, type AuditRecordPublisher, type AuditTrailOptions } from './trail/audit-trail';

export { canonicalJson, type CanonicalValue } from './chain/canonical-json';
export { GENESIS_HASH, hashAuditRecord, type AuditRecordContent } from './chain/record-hash';
export type { AuditProblem, AuditProblemKind, AuditVerification } from './verification/audit-verification';
export { AuditChainVerifier } from './verification/audit-chain.verifier';

export { AUDIT_SIGNATURE_ALGORITHM, Ed25519AuditSigner, type AuditSigner } from './signing/audit-signer';
export { DEVELOPMENT_AUDIT_KEY_ID, developmentAuditSigner } from './signing/development-key';
export {
  AuditConfigurationError,
  auditSignerFromEnvironment,
  trustedAuditKeysFromEnvironment,
} from './signing/audit-signing.config';
export { publicKeysAsPem, trustedAuditKeysFromPem, type TrustedAuditKeys } from './signing/trusted-keys';
export {
  CHECKPOINT_PURPOSE,
  checkpointPayload,
  isCheckpointSignatureValid,
} from './signing/checkpoint-signature';

export {
  AUDIT_EXPORT_FORMAT,
  AuditExportSchema,
  InvalidAuditExportError,
  type AuditExport,
} from './export/audit-export';
export { verifyExport } from './export/verify-export';

export { AuditModule, type AuditModuleOptions } from './nest/audit.module';
export { auditControllerFor } from './nest/audit.controller';
export { requestAuditContext } from './nest/request-audit-context';

export { AuditCheckpointCopyEntity } from './witness/audit-checkpoint-copy.entity';
export { auditCheckpointCopiesMigration } from './witness/audit-checkpoint-copies.migration';
export { KeepAuditCheckpointHandler } from './witness/keep-audit-checkpoint.handler';
export { auditWitnessSubscriptions, type AuditWitness } from './witness/audit-witness.subscriptions';
