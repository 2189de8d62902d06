import { dayPeriodAsked, type DayPeriod } from '@reprisals/service-platform';

/** The days of reception counted, both included (YYYY-MM-DD). */
export type StatisticsPeriod = DayPeriod;

/** The period asked for: the last twelve months up to `to` (today by default); 400 when reversed. */
export const statisticsPeriod = dayPeriodAsked;
