import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** Table of each case's wrapped data key, in the schema of the service that seals. */
export const CASE_DATA_KEY_TABLE = 'case_data_key';

/** What the database answers to a DELETE or TRUNCATE of case data keys. */
export const DATA_KEYS_ARE_NEVER_DELETED = 'case data keys are never deleted: destroy them';
/** What the database answers to an update that would give a destroyed case a key again. */
export const DESTROYED_KEYS_STAY_DESTROYED = 'a destroyed case data key stays destroyed';

/**
 * The migration that gives a service its `case_data_key` table, named
 * `CreateCaseDataKeys<timestamp>` with a timestamp from the service's own migrations (the schema
 * is the one of the data source that runs it, as for every migration):
 *
 * ```ts
 * export const INTAKE_MIGRATIONS = [..., caseDataKeysMigration(1767225707000)];
 * ```
 *
 * One row per case: its data key wrapped by the key-encryption key `kek_id`. Destroying it
 * (crypto-shredding) sets `wrapped_key` to NULL and `destroyed_at`; the row stays, so the case
 * cannot get a new key, and triggers refuse to delete rows or to give a destroyed case a key.
 */
export function caseDataKeysMigration(timestamp: number): new () => MigrationInterface {
  const name = `CreateCaseDataKeys${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      const schema = schemaOf(queryRunner);
      const table = `"${schema}"."${CASE_DATA_KEY_TABLE}"`;
      await queryRunner.query(`
        CREATE TABLE ${table} (
          "case_id" UUID PRIMARY KEY,
          "wrapped_key" BYTEA NULL,
          "kek_id" TEXT NULL CHECK (char_length("kek_id") BETWEEN 1 AND 200),
          "created_at" TIMESTAMPTZ NOT NULL,
          "destroyed_at" TIMESTAMPTZ NULL,
          CONSTRAINT "case_data_key_live_or_destroyed" CHECK (
            ("destroyed_at" IS NULL AND "wrapped_key" IS NOT NULL AND "kek_id" IS NOT NULL)
            OR ("destroyed_at" IS NOT NULL AND "wrapped_key" IS NULL)
          )
        )`);
      await queryRunner.query(`
        CREATE FUNCTION "${schema}"."case_data_key_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            IF OLD."destroyed_at" IS NOT NULL AND (NEW."wrapped_key" IS NOT NULL OR NEW."destroyed_at" IS NULL) THEN
              RAISE EXCEPTION '${DESTROYED_KEYS_STAY_DESTROYED}' USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
          END IF;
          RAISE EXCEPTION '${DATA_KEYS_ARE_NEVER_DELETED}' USING ERRCODE = 'insufficient_privilege';
        END
        $$`);
      await queryRunner.query(`
        CREATE TRIGGER "case_data_key_guard" BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION "${schema}"."case_data_key_guard"()`);
      await queryRunner.query(`
        CREATE TRIGGER "case_data_key_no_truncate" BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."case_data_key_guard"()`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      const schema = schemaOf(queryRunner);
      await queryRunner.query(`DROP TABLE "${schema}"."${CASE_DATA_KEY_TABLE}"`);
      await queryRunner.query(`DROP FUNCTION "${schema}"."case_data_key_guard"()`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
