import type { DataSource } from 'typeorm';
import { CommunicationEntity } from '../../infrastructure/persistence/communication.entity';
import type { MeasuredCommunication } from './communication-metrics';
import type { DayPeriod } from '@reprisals/service-platform';

/**
 * The communications the figures of a period count, and only those: sent on a day of the period
 * (the day of `schedule.sentAt`), or stopped or given up on one (the day of that step in its
 * history). Every one of them was drafted before the period ended, which the drafted_at column
 * narrows first. Dates in documents are ISO instants in UTC, so their first ten characters are the day.
 */
export async function communicationsInPeriod(
  dataSource: DataSource,
  period: DayPeriod,
  state: string | undefined,
): Promise<MeasuredCommunication[]> {
  const builder = dataSource
    .getRepository(CommunicationEntity)
    .createQueryBuilder('c')
    .select('c.document', 'document')
    .where(`c.draftedAt < (CAST(CAST(:lastDay AS date) + 1 AS timestamp) AT TIME ZONE 'UTC')`, {
      lastDay: period.to,
    })
    .andWhere(
      `(left(c.document #>> '{schedule,sentAt}', 10) BETWEEN :from AND :to
        OR (c.status IN ('stopped', 'failed') AND EXISTS (
          SELECT 1 FROM jsonb_array_elements(c.document -> 'history') AS entry
           WHERE (entry ->> 'step' LIKE 'stopped:%' OR entry ->> 'step' = 'dispatch-failed')
             AND left(entry ->> 'at', 10) BETWEEN :from AND :to)))`,
      { from: period.from, to: period.to },
    );
  if (state) builder.andWhere('c.stateConcerned = :state', { state });
  const rows = await builder.getRawMany<{ document: MeasuredCommunication }>();
  return rows.map((row) => row.document);
}
