import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Transform } from 'node:stream';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { SystemClock, type Clock } from '@reprisals/kernel';
import { serviceSchemaOf } from '@reprisals/persistence';
import { CaseKeyDestroyed, DataKeyUnavailableError, SealedValueError } from '../errors/identity-vault.errors';
import { CaseDataKeyStore } from '../keys/case-data-key.store';
import { DataKeyCache, type DataKeyCacheOptions } from '../keys/data-key.cache';
import { KEY_BYTES, type KeyProvider } from '../keys/key-provider';
import { openSealedValue, parseSealedValue, sealValue } from '../sealing/sealed-value';
import { normalisedCaseId, sealingContext } from '../sealing/sealing-context';
import { createOpeningTransform, createSealingTransform } from '../sealing/sealing-streams';

export interface IdentityVaultOptions {
  /** The service's own data source (createServiceDataSource), whose migrations include caseDataKeysMigration. */
  dataSource: DataSource;
  /** Holds the key-encryption key: keyProviderFromEnvironment(), or a KMS adapter. */
  keyProvider: KeyProvider;
  /** Dates the creation and destruction of keys. Default: the system clock. */
  clock?: Clock;
  /** The in-memory cache of unwrapped data keys. */
  cache?: DataKeyCacheOptions;
}

/**
 * Seals the identities of victims and sources with one AES-256 data key per case, itself stored
 * wrapped by the key-encryption key in the service's `case_data_key` table, and shreds a case by
 * destroying its key. Every method takes the caller's EntityManager and runs in its transaction:
 * the first seal of a case creates its key, and a rollback leaves no key behind.
 *
 * ```ts
 * await inTransaction(dataSource, async (manager) => {
 *   const name = await vault.seal(manager, caseId, 'victim.name', 'A. Person');
 *   await manager.query('INSERT INTO victim (case_id, name) VALUES ($1, $2)', [caseId, name]);
 * });
 * const name = await vault.open(manager, caseId, 'victim.name', row.name);
 * await vault.destroyKey(manager, caseId); // every value of the case is unreadable from now on
 * ```
 *
 * A value opens only under the case and field it was sealed for. Opening after destruction
 * throws CaseKeyDestroyed; a value that does not open throws SealedValueError. Unwrapped keys
 * are kept in memory for a short while (`cache`); destroyKey drops the case's key from this
 * vault's cache at once, other processes drop theirs when it expires.
 */
export class IdentityVault {
  readonly schema: string;
  private readonly dataSource: DataSource;
  private readonly keyProvider: KeyProvider;
  private readonly clock: Clock;
  private readonly store: CaseDataKeyStore;
  private readonly cache: DataKeyCache;
  /**
   * Cases whose key a transaction created itself, by its query runner: until it commits, that key
   * may still vanish with a rollback, so it never enters the cache shared with other
   * transactions (they read it from the table once it is committed).
   */
  private readonly createdBy = new WeakMap<QueryRunner, Set<string>>();

  constructor(options: IdentityVaultOptions) {
    this.dataSource = options.dataSource;
    this.schema = serviceSchemaOf(options.dataSource);
    this.keyProvider = options.keyProvider;
    this.clock = options.clock ?? new SystemClock();
    this.store = new CaseDataKeyStore(this.schema);
    this.cache = new DataKeyCache(options.cache);
  }

  /** The key-encryption key new data keys are wrapped with. */
  get keyId(): string {
    return this.keyProvider.keyId;
  }

  /** `plaintext` sealed for this case and field; creates the case's data key on its first seal. */
  async seal(manager: EntityManager, caseId: string, field: string, plaintext: string): Promise<string> {
    const context = sealingContext(caseId, field);
    this.checkManager(manager);
    if (typeof plaintext !== 'string')
      throw new TypeError('Only text is sealed: use sealJson for other values');
    return sealValue(await this.keyForSealing(manager, context.caseId), context, plaintext);
  }

  /** The plaintext of a value sealed for this case and field. */
  async open(manager: EntityManager, caseId: string, field: string, sealed: string): Promise<string> {
    const context = sealingContext(caseId, field);
    this.checkManager(manager);
    parseSealedValue(context, sealed);
    return openSealedValue(await this.keyForOpening(manager, context.caseId, field), context, sealed);
  }

  /** Any JSON value (an object of identity fields, say) sealed as one text. */
  async sealJson(manager: EntityManager, caseId: string, field: string, value: unknown): Promise<string> {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) throw new TypeError('sealJson needs a value JSON can represent');
    return this.seal(manager, caseId, field, text);
  }

  /** The value sealJson sealed; check its shape (e.g. with zod) before use. */
  async openJson(manager: EntityManager, caseId: string, field: string, sealed: string): Promise<unknown> {
    const text = await this.open(manager, caseId, field, sealed);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // JSON.parse's message quotes the text: say only what is wrong.
      throw new SealedValueError(normalisedCaseId(caseId), field, 'it holds text, not JSON');
    }
  }

  /**
   * A Transform that seals what is written to it (an attachment, say) for this case and field,
   * chunk by chunk: `rvs1 | IV | ciphertext | tag`. Creates the case's key if it has none, in
   * the caller's transaction: if that transaction rolls back, what was sealed with it is lost.
   */
  async createSealingStream(manager: EntityManager, caseId: string, field: string): Promise<Transform> {
    const context = sealingContext(caseId, field);
    this.checkManager(manager);
    return createSealingTransform(await this.keyForSealing(manager, context.caseId), context);
  }

  /**
   * A Transform that opens a sealed stream of this case and field. It fails at its end (with
   * SealedValueError) when the stream was altered or truncated: plaintext that came out before
   * is provisional until the stream has ended without error.
   */
  async createOpeningStream(manager: EntityManager, caseId: string, field: string): Promise<Transform> {
    const context = sealingContext(caseId, field);
    this.checkManager(manager);
    return createOpeningTransform(await this.keyForOpening(manager, context.caseId, field), context);
  }

  /**
   * Crypto-shredding: wipes the case's wrapped key in the caller's transaction. Once it commits,
   * nothing sealed for the case opens again and nothing new can be sealed for it. The row stays,
   * with `destroyed_at`. Idempotent; a case that had no key gets a destroyed row all the same.
   */
  async destroyKey(manager: EntityManager, caseId: string): Promise<void> {
    const id = normalisedCaseId(caseId);
    this.checkManager(manager);
    await this.store.destroy(manager, id, this.clock.now());
    this.cache.evict(id);
  }

  /** True when the case has a data key that was not destroyed. */
  async hasKey(manager: EntityManager, caseId: string): Promise<boolean> {
    this.checkManager(manager);
    const row = await this.store.read(manager, normalisedCaseId(caseId));
    return row !== undefined && row.wrappedKey !== null;
  }

  /** True when the case's data key was destroyed. */
  async isDestroyed(manager: EntityManager, caseId: string): Promise<boolean> {
    this.checkManager(manager);
    const row = await this.store.read(manager, normalisedCaseId(caseId));
    return row?.destroyedAt != null;
  }

  /**
   * The cached key of the case, once its row says it still exists: another process may have
   * destroyed it, so the row is read (share-locked) every time and the cache only saves the unwrap.
   */
  private async liveCachedKey(manager: EntityManager, caseId: string): Promise<KeyObject | undefined> {
    const cached = this.cache.get(caseId);
    if (!cached) return undefined;
    const row = await this.store.readForUse(manager, caseId);
    if (row && row.destroyedAt === null && row.wrappedKey !== null) return cached;
    this.cache.evict(caseId);
    if (row) throw new CaseKeyDestroyed(caseId);
    return undefined;
  }

  private async keyForSealing(manager: EntityManager, caseId: string): Promise<KeyObject> {
    const cached = await this.liveCachedKey(manager, caseId);
    if (cached) return cached;
    const existing = await this.loadKey(manager, caseId);
    if (existing) return existing;
    const created = await this.createKey(manager, caseId);
    if (created) return created;
    // Another transaction created the case's key first and committed: use that one.
    const raced = await this.loadKey(manager, caseId);
    if (!raced) throw new Error(`The data key of case ${caseId} vanished while it was created`);
    return raced;
  }

  private async keyForOpening(manager: EntityManager, caseId: string, field: string): Promise<KeyObject> {
    const cached = await this.liveCachedKey(manager, caseId);
    if (cached) return cached;
    const key = await this.loadKey(manager, caseId);
    if (!key) throw new SealedValueError(caseId, field, 'the case has no data key');
    return key;
  }

  private async loadKey(manager: EntityManager, caseId: string): Promise<KeyObject | undefined> {
    const generation = this.cache.generation;
    const row = await this.store.readForUse(manager, caseId);
    if (!row) return undefined;
    if (row.destroyedAt !== null || row.wrappedKey === null) throw new CaseKeyDestroyed(caseId);
    if (row.kekId !== this.keyProvider.keyId) {
      throw new DataKeyUnavailableError(
        caseId,
        `it is wrapped by key-encryption key ${row.kekId}, this process holds ${this.keyProvider.keyId}`,
      );
    }
    let raw: Buffer;
    try {
      raw = await this.keyProvider.unwrap(row.wrappedKey, caseId);
    } catch {
      throw new DataKeyUnavailableError(caseId, `key-encryption key ${row.kekId} does not open it`);
    }
    const key = secretKey(raw);
    const runner = manager.queryRunner;
    if (!(runner && this.createdBy.get(runner)?.has(caseId))) this.cache.set(caseId, key, generation);
    return key;
  }

  /** A new data key for the case, unless another transaction's key got there first (undefined). */
  private async createKey(manager: EntityManager, caseId: string): Promise<KeyObject | undefined> {
    const generation = this.cache.generation;
    const raw = randomBytes(KEY_BYTES);
    const wrapped = await this.keyProvider.wrap(raw, caseId);
    const key = secretKey(raw);
    if (
      !(await this.store.insertIfAbsent(manager, caseId, wrapped, this.keyProvider.keyId, this.clock.now()))
    ) {
      return undefined;
    }
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      const created = this.createdBy.get(runner) ?? new Set<string>();
      created.add(caseId);
      this.createdBy.set(runner, created);
    } else {
      // Outside a transaction the insert is committed already.
      this.cache.set(caseId, key, generation);
    }
    return key;
  }

  private checkManager(manager: EntityManager): void {
    if (manager.dataSource !== this.dataSource) {
      throw new Error(`The identity vault of schema ${this.schema} works through its own data source only`);
    }
  }
}

/** The key as an immutable KeyObject; the bytes it came from are zeroed. */
function secretKey(raw: Buffer): KeyObject {
  if (raw.length !== KEY_BYTES) throw new Error(`A data key is ${KEY_BYTES} bytes`);
  const key = createSecretKey(raw); // copies the bytes
  raw.fill(0);
  return key;
}
