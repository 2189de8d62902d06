import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestValidationError } from '@reprisals/service-platform';
import { daysAfter, type ReportingCycleKind } from '../../domain/report-compilation/reporting-cycle';
import { ReportingCycleEntity } from '../../infrastructure/persistence/reporting-cycle.entity';

/**
 * The days a new cycle covers. The Secretary-General's annual reports never share a day, nor do
 * the HRC President's briefings, so that a case is new to one report of each kind only; custom
 * cycles may cover any days. A briefing covers the days since the last one (the day after its
 * last day) unless its first day is given. Called in the transaction that opens the cycle: a lock
 * per kind makes two openings at once take their turn.
 */
export async function claimCyclePeriod(
  manager: EntityManager,
  kind: ReportingCycleKind,
  asked: { periodFrom: string | undefined; periodTo: string },
): Promise<{ periodFrom: string; periodTo: string }> {
  if (kind === 'custom' && asked.periodFrom !== undefined)
    return { periodFrom: asked.periodFrom, periodTo: asked.periodTo };
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reporting-cycle:${kind}`]);
  const cycles = manager.getRepository(ReportingCycleEntity);
  let periodFrom = asked.periodFrom;
  if (periodFrom === undefined) {
    const last = await cycles.findOne({ where: { kind }, order: { periodTo: 'DESC' } });
    if (!last)
      throw new RequestValidationError([
        {
          field: 'periodFrom',
          message: 'is required for the first briefing (no earlier briefing to follow)',
        },
      ]);
    if (asked.periodTo <= last.periodTo)
      throw new RequestValidationError([
        { field: 'periodTo', message: `must be after the last day of the last briefing (${last.periodTo})` },
      ]);
    periodFrom = daysAfter(last.periodTo, 1);
  }
  const overlapping = await cycles
    .createQueryBuilder('cycle')
    .where('cycle.kind = :kind AND cycle.periodFrom <= :periodTo AND cycle.periodTo >= :periodFrom', {
      kind,
      periodFrom,
      periodTo: asked.periodTo,
    })
    .orderBy('cycle.periodFrom')
    .getOne();
  if (overlapping)
    throw new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `The cycle ${overlapping.id} (${overlapping.symbol ?? 'no symbol yet'}) covers ${overlapping.periodFrom} to ${overlapping.periodTo} already: compile it again, or correct it with a new version`,
      reason: 'period-taken',
    });
  return { periodFrom, periodTo: asked.periodTo };
}
