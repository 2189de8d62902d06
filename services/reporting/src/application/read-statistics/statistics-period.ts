import { RequestValidationError } from '@reprisals/service-platform';

/** The days of reception counted, both included (YYYY-MM-DD). */
export interface StatisticsPeriod {
  from: string;
  to: string;
}

/**
 * The period asked for. `to` defaults to today; `from` to the day after the same date twelve
 * months before `to` (the last day of the month when that month is shorter): the last twelve
 * months. A period that ends before it starts is a 400 naming both.
 */
export function statisticsPeriod(
  asked: { from?: string | undefined; to?: string | undefined },
  today: string,
): StatisticsPeriod {
  const to = asked.to ?? today;
  const from = asked.from ?? dayAfterTwelveMonthsBefore(to);
  if (from > to)
    throw new RequestValidationError(
      [
        { field: 'from', message: `must not be after to (${to})` },
        { field: 'to', message: `must not be before from (${from})` },
      ],
      'query',
    );
  return { from, to };
}

function dayAfterTwelveMonthsBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return new Date(Date.UTC(year - 1, month - 1, Math.min(date, lastOfMonth) + 1)).toISOString().slice(0, 10);
}
