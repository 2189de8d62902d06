import { addDays, type ReportingPeriod } from './reporting-periods';

/**
 * A week of the demonstration (never across the end of a reporting period): the demo clock
 * stands at its last day while the steps dated in it are taken, so that events, deadlines and
 * reminders fall within a few days of their story's dates.
 */
export interface DemoWeek {
  from: string;
  to: string;
  period: number;
}

export function demoWeeks(periods: readonly ReportingPeriod[], lastDay: string): DemoWeek[] {
  const weeks: DemoWeek[] = [];
  periods.forEach((period, index) => {
    const end = period.to < lastDay ? period.to : lastDay;
    for (let from = period.from; from <= end; from = addDays(from, 7)) {
      const to = addDays(from, 6);
      weeks.push({ from, to: to < end ? to : end, period: index });
    }
  });
  return weeks;
}

/** Runs `work` over `items`, at most `concurrency` at a time; the first failure stops the rest. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
