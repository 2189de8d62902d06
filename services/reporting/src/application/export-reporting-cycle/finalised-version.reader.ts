import type { EntityManager } from 'typeorm';
import { serviceSchemaOf } from '@reprisals/persistence';
import { contentHash } from '../../domain/report-compilation/report-version';
import type { ReportingCycleEntity } from '../../infrastructure/persistence/reporting-cycle.entity';

/**
 * The cycle's latest finalised version, when its draft is unchanged since: the content that
 * finalising freezes (the cycle's fields and its draft) hashes to that version's SHA-256. None
 * when the cycle was never finalised or was compiled differently since (the export is a draft).
 */
export async function finalisedVersionOf(
  manager: EntityManager,
  row: ReportingCycleEntity,
): Promise<{ version: number; finalisedAt: string } | null> {
  if (!row.draft) return null;
  const [latest] = await manager.query<
    Array<{ version: number; content_sha256: string; finalised_at: Date }>
  >(
    `SELECT "version", "content_sha256", "finalised_at"
       FROM "${serviceSchemaOf(manager.connection)}"."report_version"
      WHERE "cycle_id" = $1 ORDER BY "version" DESC LIMIT 1`,
    [row.id],
  );
  if (!latest) return null;
  // The same content as the finalise freezes: a draft compiled again to the same entries is still that version.
  const current = contentHash({
    cycle: {
      kind: row.kind,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      cutOff: row.cutOff,
      symbol: row.symbol,
      policyVersion: row.policyVersion,
    },
    draft: row.draft,
  });
  return current === latest.content_sha256
    ? { version: latest.version, finalisedAt: latest.finalised_at.toISOString() }
    : null;
}
