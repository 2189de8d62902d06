import type { QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Makes a table of the migration's schema append-only: UPDATE, DELETE and TRUNCATE raise
 * `<message>: <operation> refused` (SQLSTATE insufficient_privilege), whoever runs them. For the
 * histories that must never be rewritten (consent, protection flags, witness copies).
 * `table` and `message` are the migration's own constants, never input.
 */
export async function makeTableAppendOnly(
  queryRunner: QueryRunner,
  table: string,
  message: string,
): Promise<void> {
  const schema = schemaOf(queryRunner);
  await queryRunner.query(`
    CREATE FUNCTION "${schema}"."${table}_is_append_only"() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${message.replaceAll("'", "''")}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${schema}"."${table}"
    FOR EACH ROW EXECUTE FUNCTION "${schema}"."${table}_is_append_only"()`);
  await queryRunner.query(`
    CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${schema}"."${table}"
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."${table}_is_append_only"()`);
}

/** Drops an append-only table and its guard function. */
export async function dropAppendOnlyTable(queryRunner: QueryRunner, table: string): Promise<void> {
  const schema = schemaOf(queryRunner);
  await queryRunner.query(`DROP TABLE "${schema}"."${table}"`);
  await queryRunner.query(`DROP FUNCTION "${schema}"."${table}_is_append_only"()`);
}
