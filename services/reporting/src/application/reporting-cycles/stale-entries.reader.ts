import type { EntityManager } from 'typeorm';
import { serviceSchemaOf } from '@reprisals/persistence';
import type { CompiledReport } from '../../domain/report-compilation/report-compilation';

/**
 * The entries of a draft that consent or protection no longer allow as they stand: consent to
 * publish withdrawn (or now anonymous only, for an entry that is not anonymised), or a protection
 * flag raised since the compile. A draft with any of them is compiled again before it is
 * finalised or exported as public text.
 */
export async function staleEntries(manager: EntityManager, draft: CompiledReport): Promise<string[]> {
  const entries = [...draft.annexI, ...draft.annexII];
  if (entries.length === 0) return [];
  const caseIds = entries.map((entry) => entry.caseId);
  const schema = serviceSchemaOf(manager.connection);
  // FOR SHARE: inside the finalising transaction, consent and protection cannot change under it.
  const consents = await manager.query<Array<{ case_id: string; publish: string }>>(
    `SELECT "case_id", "publish" FROM "${schema}"."case_consent" WHERE "case_id" = ANY($1::uuid[]) FOR SHARE`,
    [caseIds],
  );
  const protections = await manager.query<Array<{ case_id: string }>>(
    `SELECT "case_id" FROM "${schema}"."case_protection" WHERE "case_id" = ANY($1::uuid[]) AND "withheld" FOR SHARE`,
    [caseIds],
  );
  const publish = new Map(consents.map((row) => [row.case_id, row.publish]));
  const withheld = new Set(protections.map((row) => row.case_id));
  return entries
    .filter((entry) => {
      const allowed = publish.get(entry.caseId) ?? 'no';
      return allowed === 'no' || withheld.has(entry.caseId) || (allowed === 'anonymous' && !entry.anonymised);
    })
    .map((entry) => entry.caseId);
}
