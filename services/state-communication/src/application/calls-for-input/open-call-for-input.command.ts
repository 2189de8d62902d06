import { z } from 'zod';
import { calendarDateSchema, communicationLanguageSchema } from '@reprisals/contracts';
import { unStateCodeSchema } from '@reprisals/un-states';

const DAY_MS = 86_400_000;

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
  .superRefine((command, context) => {
    if (command.periodFrom > command.periodTo)
      context.addIssue({ code: 'custom', path: ['periodTo'], message: 'must not be before periodFrom' });
    else if (Date.parse(command.periodTo) - Date.parse(command.periodFrom) > 366 * DAY_MS)
      context.addIssue({
        code: 'custom',
        path: ['periodTo'],
        message: 'a reporting period is at most a year',
      });
    const seen = new Set<string>();
    command.states?.forEach((state, index) => {
      if (seen.has(state))
        context.addIssue({ code: 'custom', path: ['states', index], message: `${state} is listed twice` });
      seen.add(state);
    });
  });
export type OpenCallForInputCommand = z.infer<typeof openCallForInputSchema>;
