import { stringify } from 'csv-stringify/sync';
import type { PublishedCell } from '../../domain/statistics/small-count-suppression';
import type { StatisticsDimension } from '../../domain/statistics/statistics-dimensions';

/**
 * One row per group: a column per dimension asked for, in the order asked, then `cases` (a
 * number, `<T` or `suppressed`). The same columns for every request with the same groupBy.
 */
export function statisticsCsv(
  groupBy: readonly StatisticsDimension[],
  groups: readonly PublishedCell[],
): string {
  return stringify([[...groupBy, 'cases'], ...groups.map((group) => [...group.values, group.cases])], {
    record_delimiter: 'windows',
  });
}
