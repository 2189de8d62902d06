import type { EntityManager } from 'typeorm';
import { CASE_DATA_KEY_TABLE } from '../migrations/case-data-keys.migration';

export interface CaseDataKeyRow {
  wrappedKey: Buffer | null;
  kekId: string | null;
  destroyedAt: Date | null;
}

interface RawRow {
  wrapped_key: Buffer | null;
  kek_id: string | null;
  destroyed_at: Date | null;
}

/** The SQL of the `case_data_key` table of one schema, run through the caller's manager (its transaction). */
export class CaseDataKeyStore {
  private readonly table: string;

  /** `schema` is a checked identifier (serviceSchemaOf), safe to quote into SQL text. */
  constructor(schema: string) {
    this.table = `"${schema}"."${CASE_DATA_KEY_TABLE}"`;
  }

  /**
   * The case's row, share-locked until the caller's transaction ends: a destruction under way
   * in another transaction is waited for, so a key is never taken from a row about to be
   * destroyed, and a destruction waits for the transactions already using the key.
   */
  async readForUse(manager: EntityManager, caseId: string): Promise<CaseDataKeyRow | undefined> {
    const rows: RawRow[] = await manager.query(
      `SELECT "wrapped_key", "kek_id", "destroyed_at" FROM ${this.table} WHERE "case_id" = $1 FOR SHARE`,
      [caseId],
    );
    return rows[0] && toRow(rows[0]);
  }

  async read(manager: EntityManager, caseId: string): Promise<CaseDataKeyRow | undefined> {
    const rows: RawRow[] = await manager.query(
      `SELECT "wrapped_key", "kek_id", "destroyed_at" FROM ${this.table} WHERE "case_id" = $1`,
      [caseId],
    );
    return rows[0] && toRow(rows[0]);
  }

  /**
   * Inserts the case's first key unless it has a row already. When another transaction inserted
   * one and has not committed, waits for it: after its commit this inserts nothing and returns
   * false (the caller reads that key), after its rollback this one's key is inserted.
   */
  async insertIfAbsent(
    manager: EntityManager,
    caseId: string,
    wrappedKey: Buffer,
    kekId: string,
    at: Date,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${this.table} ("case_id", "wrapped_key", "kek_id", "created_at")
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ("case_id") DO NOTHING
       RETURNING "case_id"`,
      [caseId, wrappedKey, kekId, at],
    );
    return inserted.length === 1;
  }

  /** Wipes the wrapped key, keeping the row (and the first destruction time); a case with no key gets a destroyed row. */
  async destroy(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} AS "key" ("case_id", "wrapped_key", "kek_id", "created_at", "destroyed_at")
       VALUES ($1, NULL, NULL, $2, $2)
       ON CONFLICT ("case_id") DO UPDATE
         SET "wrapped_key" = NULL, "destroyed_at" = COALESCE("key"."destroyed_at", EXCLUDED."destroyed_at")`,
      [caseId, at],
    );
  }
}

function toRow(raw: RawRow): CaseDataKeyRow {
  return { wrappedKey: raw.wrapped_key, kekId: raw.kek_id, destroyedAt: raw.destroyed_at };
}
