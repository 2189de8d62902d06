import { z } from 'zod';
import { calendarDateSchema } from '@reprisals/contracts';
import { RequestValidationError } from './request-validation.error';

/** The days a figure covers, both included (YYYY-MM-DD). */
export interface DayPeriod {
  from: string;
  to: string;
}

/**
 * Refuses a query whose `from` comes after its `to`, naming both. It runs whenever both days are
 * valid, even when other fields are not, so that one 400 names every offending field.
 */
export function withDaysInOrder<
  TSchema extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>,
>(schema: TSchema): TSchema {
  return schema.superRefine(
    (query, context) => {
      if (query.from! > query.to!) {
        context.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${query.to})` });
        context.addIssue({
          code: 'custom',
          path: ['to'],
          message: `must not be before from (${query.from})`,
        });
      }
    },
    {
      when: ({ value }) => {
        const { from, to } = (value ?? {}) as { from?: unknown; to?: unknown };
        return calendarDateSchema.safeParse(from).success && calendarDateSchema.safeParse(to).success;
      },
    },
  );
}

/**
 * The period asked for. `to` defaults to today; `from` to the day after the same date twelve
 * months before `to` (the last day of the month when that month is shorter): the last twelve
 * months. A period that ends before it starts is a 400 naming both.
 */
export function dayPeriodAsked(
  asked: { from?: string | undefined; to?: string | undefined },
  today: string,
): DayPeriod {
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
