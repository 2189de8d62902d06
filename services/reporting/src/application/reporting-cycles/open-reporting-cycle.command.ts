import { z } from 'zod';
import { calendarDateSchema } from '@reprisals/contracts';
import { REPORTING_CYCLE_KINDS } from '../../domain/report-compilation/reporting-cycle';

const isDay = (value: unknown): value is string => calendarDateSchema.safeParse(value).success;

export const openReportingCycleSchema = z
  .strictObject({
    kind: z.enum(REPORTING_CYCLE_KINDS).describe('sg-annual-report, hrc-president-briefing or custom'),
    periodFrom: calendarDateSchema
      .optional()
      .describe(
        "First day; for the annual report, the rules' period containing today by default; for a President's briefing, the day after the last briefing by default",
      ),
    periodTo: calendarDateSchema
      .optional()
      .describe('Last day (with periodFrom, or for the annual report by default)'),
    cutOff: calendarDateSchema
      .optional()
      .describe(
        "Conclusions after this day are late for the cycle (default: the rules' cut-off, or periodTo)",
      ),
    symbol: z
      .string()
      .regex(/^[A-Z][A-Z0-9./-]{1,39}$/, 'must be a UN document symbol such as A/HRC/57/60')
      .optional()
      .describe('The document symbol, once known (e.g. A/HRC/57/60)'),
  })
  // Each check runs whenever what it reads is valid, so that one 400 names every offending field.
  .superRefine(
    (command, context) => {
      // A President's briefing follows the last one: its first day may be left to the service.
      const briefing = command.kind === 'hrc-president-briefing';
      if (command.periodFrom !== undefined && command.periodTo === undefined)
        context.addIssue({
          code: 'custom',
          path: ['periodTo'],
          message: 'periodFrom and periodTo are given together',
        });
      else if (command.periodFrom === undefined && command.periodTo !== undefined && !briefing)
        context.addIssue({
          code: 'custom',
          path: ['periodFrom'],
          message: 'periodFrom and periodTo are given together',
        });
      else if (command.periodTo === undefined && command.kind !== 'sg-annual-report')
        for (const field of briefing ? ['periodTo'] : ['periodFrom', 'periodTo'])
          context.addIssue({ code: 'custom', path: [field], message: `is required for a ${command.kind}` });
      if (command.periodFrom && command.periodTo && command.periodFrom > command.periodTo)
        context.addIssue({ code: 'custom', path: ['periodTo'], message: 'must not be before periodFrom' });
      if (command.cutOff && command.periodTo && command.cutOff < command.periodTo)
        context.addIssue({ code: 'custom', path: ['cutOff'], message: 'must not be before periodTo' });
    },
    {
      when: ({ value }) => {
        const fields = (value ?? {}) as Record<string, unknown>;
        return (
          typeof fields['kind'] === 'string' &&
          ['periodFrom', 'periodTo', 'cutOff'].every(
            (field) => fields[field] === undefined || isDay(fields[field]),
          )
        );
      },
    },
  );
export type OpenReportingCycleCommand = z.infer<typeof openReportingCycleSchema>;
