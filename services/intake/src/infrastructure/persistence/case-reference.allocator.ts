import type { EntityManager } from 'typeorm';
import { CaseReference } from '../../domain/case-reference';

/**
 * Hands out the next reference of a year inside the caller's transaction: a rolled-back
 * intake gives its number back, so references have no gaps.
 */
export async function allocateCaseReference(manager: EntityManager, year: number): Promise<CaseReference> {
  const rows = await manager.query<Array<{ last_value: number }>>(
    `INSERT INTO "${schemaOf(manager)}"."case_reference_counter" ("year", "last_value") VALUES ($1, 1)
     ON CONFLICT ("year") DO UPDATE SET "last_value" = "case_reference_counter"."last_value" + 1
     RETURNING "last_value"`,
    [year],
  );
  const sequence = rows[0]?.last_value;
  if (sequence === undefined) throw new Error('No case reference was allocated');
  return CaseReference.of(year, sequence);
}

function schemaOf(manager: EntityManager): string {
  const schema = (manager.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('The intake data source has no schema');
  return schema;
}
