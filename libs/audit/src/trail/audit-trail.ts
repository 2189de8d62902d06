import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '@reprisals/kernel';
import { serviceSchemaOf } from '@reprisals/persistence';
import { AuditChainAppender } from '../chain/audit-chain.appender';
import { AuditCheckpointEntity } from '../checkpoints/audit-checkpoint.entity';
import { toAuditCheckpointView, type AuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import { AuditCheckpointWriter, type CheckpointPublisher } from '../checkpoints/audit-checkpoint.writer';
import { parseAuditEntry, type AuditEntry, type ValidAuditEntry } from '../entry/audit-entry';
import { AUDIT_EXPORT_FORMAT, type AuditExport } from '../export/audit-export';
import { AuditRecordReader, type AuditRecordFilter } from '../records/audit-record.reader';
import type { AuditRecordView } from '../records/audit-record.view';
import type { AuditSigner } from '../signing/audit-signer';
import { publicKeysAsPem, type TrustedAuditKeys } from '../signing/trusted-keys';
import { AuditChainVerifier } from '../verification/audit-chain.verifier';
import type { AuditVerification } from '../verification/audit-verification';

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,63}$/;

export interface AuditTrailOptions {
  /** The service whose steps are recorded, e.g. intake; written on every record. */
  service: string;
  /** The service's own data source (createServiceDataSource), with AUDIT_ENTITIES and AUDIT_MIGRATIONS. */
  dataSource: DataSource;
  clock: Clock;
  /** Signs checkpoints; without it checkpoint() refuses. */
  signer?: AuditSigner;
  /** Keys checkpoints are verified against; by default the signer's own public key. */
  trustedKeys?: TrustedAuditKeys;
}

/** Runs in the transaction that appended the record. */
export type AuditRecordPublisher = (manager: EntityManager, record: AuditRecordView) => Promise<void>;

/**
 * One service's tamper-evident audit trail, kept in its own schema: records form a hash chain
 * in seq order, and checkpoints sign the chain's head.
 *
 * ```ts
 * await inTransaction(dataSource, async (manager) => {
 *   await allegations.save(manager, allegation);
 *   await trail.record(manager, { ...actingUserAudit(user), action: 'allegation:create', caseId, outcome: 'allowed' });
 * });
 * await trail.recordNow({ ...actingUserAudit(user), action: 'case:read', caseId, outcome: 'denied', reason: 'no-share' });
 * ```
 */
export class AuditTrail {
  readonly service: string;
  readonly schema: string;
  private readonly appender: AuditChainAppender;
  private publisher: AuditRecordPublisher | undefined;
  private readonly reader: AuditRecordReader;
  private readonly trustedKeys: TrustedAuditKeys;

  constructor(private readonly options: AuditTrailOptions) {
    if (!SERVICE_NAME.test(options.service))
      throw new Error('An audit trail needs a service name such as intake');
    this.service = options.service;
    this.schema = serviceSchemaOf(options.dataSource);
    this.appender = new AuditChainAppender(options.service, this.schema, options.clock);
    this.reader = new AuditRecordReader(options.dataSource);
    this.trustedKeys =
      options.trustedKeys ??
      new Map(options.signer ? [[options.signer.keyId, options.signer.publicKey] as const] : []);
  }

  /**
   * Appends a record in the caller's transaction, so that a command and its audit record commit
   * (or vanish) together. Appends to one schema's chain are serialised from this call until the
   * transaction ends: record as the last step before commit. Throws InvalidAuditEntryError for an
   * entry that breaks the schema (naming fields, never values).
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditRecordView> {
    const valid = parseAuditEntry(entry);
    if (manager.dataSource !== this.options.dataSource) {
      throw new Error(`The audit trail of ${this.service} records through its own data source only`);
    }
    return this.appendAndPublish(manager, valid);
  }

  /**
   * Sets what else happens, in the same transaction, when a record is appended: the service
   * publishes each record about a case as an event, so the audit of a case can be read across
   * services.
   */
  publishRecordsWith(publisher: AuditRecordPublisher): void {
    this.publisher = publisher;
  }

  private async appendAndPublish(manager: EntityManager, entry: ValidAuditEntry): Promise<AuditRecordView> {
    const view = await this.appender.append(manager, entry);
    if (this.publisher) await this.publisher(manager, view);
    return view;
  }

  /** Appends a record in a transaction of its own: for denied attempts and for reads. */
  async recordNow(entry: AuditEntry): Promise<AuditRecordView> {
    const valid = parseAuditEntry(entry);
    return this.options.dataSource.transaction('READ COMMITTED', (manager) =>
      this.appendAndPublish(manager, valid),
    );
  }

  /** The service's data source, where its audit and case-access tables live. */
  get dataSource(): DataSource {
    return this.options.dataSource;
  }

  /** Records in seq order, filtered by case, actor and time. */
  list(filter: AuditRecordFilter = {}): Promise<AuditRecordView[]> {
    return this.reader.list(filter);
  }

  /**
   * Signs the chain's current head and stores the checkpoint; undefined when nothing was recorded
   * since the last one. `publish` runs in the same transaction (e.g. to write an event about it).
   */
  checkpoint(publish?: CheckpointPublisher): Promise<AuditCheckpointView | undefined> {
    const { signer } = this.options;
    if (!signer) throw new Error(`The audit trail of ${this.service} has no signing key for checkpoints`);
    return new AuditCheckpointWriter(this.options.dataSource, this.schema, this.options.clock, signer).write(
      publish,
    );
  }

  /** Walks the whole chain and checks every checkpoint; names the first problem found. */
  verify(): Promise<AuditVerification> {
    return new AuditChainVerifier(this.options.dataSource, this.trustedKeys).verify();
  }

  /**
   * A self-contained, offline-verifiable document of the contiguous stretch of the chain
   * recorded from `from` to before `to` (the whole chain without bounds).
   */
  exportChain(bounds: { from?: Date; to?: Date } = {}): Promise<AuditExport> {
    return this.options.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const records = await this.reader.stretch(manager, bounds);
      const first = records[0];
      const last = records[records.length - 1];
      const checkpoints =
        first && last
          ? await manager
              .getRepository(AuditCheckpointEntity)
              .createQueryBuilder('checkpoint')
              .where('checkpoint.lastSeq >= :first AND checkpoint.lastSeq <= :last', {
                first: first.seq,
                last: last.seq,
              })
              .orderBy('checkpoint.seq', 'ASC')
              .getMany()
              .then((rows) => rows.map(toAuditCheckpointView))
          : [];
      return {
        format: AUDIT_EXPORT_FORMAT,
        service: this.service,
        exportedAt: this.options.clock.now().toISOString(),
        records,
        checkpoints,
        publicKeys: publicKeysAsPem(
          this.trustedKeys,
          checkpoints.map((checkpoint) => checkpoint.keyId),
        ),
      };
    });
  }
}
