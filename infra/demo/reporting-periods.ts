/** One period of the Secretary-General's annual report: 1 May to 30 April, cut off at its end. */
export interface ReportingPeriod {
  from: string;
  to: string;
  /** Past: finalised by the demonstration; current: compiled as a draft. */
  current: boolean;
}

export const DAY_MS = 86_400_000;
export const dayOf = (time: Date): string => time.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string =>
  dayOf(new Date(new Date(`${day}T00:00:00.000Z`).getTime() + days * DAY_MS));
export const daysBetween = (from: string, to: string): number =>
  Math.round(
    (new Date(`${to}T00:00:00.000Z`).getTime() - new Date(`${from}T00:00:00.000Z`).getTime()) / DAY_MS,
  );

/** The three annual periods before the one containing `today`, then that one. */
export function reportingPeriodsBefore(today: string, past = 3): ReportingPeriod[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const currentStart = month >= 5 ? year : year - 1;
  return Array.from({ length: past + 1 }, (_, index) => {
    const start = currentStart - past + index;
    return { from: `${start}-05-01`, to: `${start + 1}-04-30`, current: index === past };
  });
}
