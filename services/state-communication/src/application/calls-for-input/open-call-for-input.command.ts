import { z } from 'zod';
import { calendarDateSchema, communicationLanguageSchema } from '@reprisals/contracts';
import { unStateCodeSchema } from '@reprisals/un-states';

export const openCallForInputSchema = z
  .strictObject({
    periodFrom: calendarDateSchema.describe('First day of the reporting period (e.g. 2026-05-01)'),
    periodTo: calendarDateSchema.describe('Last day of the reporting period (e.g. 2027-04-30)'),
    language: communicationLanguageSchema
      .default('en')
      .describe('en, fr or es: the language of the letters (en by default)'),
    languageOf: z
      .record(unStateCodeSchema, communicationLanguageSchema)
      .optional()
      .describe('Another language for some States, e.g. { "FRA": "fr", "NIC": "es" }'),
    states: z
      .array(unStateCodeSchema)
      .min(1)
      .max(250)
      .optional()
      .describe('Only these States (ISO alpha-3); every UN Member and Observer State by default'),
  })
  // Each check runs whenever what it reads is valid, so that one 400 names every offending field.
  .superRefine(
    (command, context) => {
      if (command.periodFrom > command.periodTo)
        context.addIssue({ code: 'custom', path: ['periodTo'], message: 'must not be before periodFrom' });
      else if (command.periodTo >= sameDayAYearLater(command.periodFrom))
        context.addIssue({
          code: 'custom',
          path: ['periodTo'],
          message: 'a reporting period is at most a year',
        });
    },
    { when: ({ value }) => isDay(fieldOf(value, 'periodFrom')) && isDay(fieldOf(value, 'periodTo')) },
  )
  .superRefine(
    (command, context) => {
      const seen = new Set<string>();
      command.states?.forEach((state, index) => {
        if (seen.has(state))
          context.addIssue({ code: 'custom', path: ['states', index], message: `${state} is listed twice` });
        seen.add(state);
      });
    },
    { when: ({ value }) => Array.isArray(fieldOf(value, 'states')) },
  );
export type OpenCallForInputCommand = z.infer<typeof openCallForInputSchema>;

const fieldOf = (value: unknown, field: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
const isDay = (value: unknown): boolean => calendarDateSchema.safeParse(value).success;

/** The same day of the next year (1 March after a 29 February): a period ends before it. */
function sameDayAYearLater(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + 1, month - 1, date)).toISOString().slice(0, 10);
}
