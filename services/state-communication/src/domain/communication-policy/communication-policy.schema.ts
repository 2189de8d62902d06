import { z } from 'zod';
import { COMMUNICATION_KINDS, COMMUNICATION_LANGUAGES, RESPONSE_ACTION_TYPES } from '@reprisals/contracts';

const reminderSchema = z.strictObject({
  when: z.enum(['before', 'after']),
  days: z.number().int().min(1).max(180),
});

const kindSchema = z.strictObject({
  description: z.string().trim().min(1).max(300),
  /** The response actions of verification this kind of communication carries out. */
  carriesOut: z.array(z.enum(RESPONSE_ACTION_TYPES)),
  replyDays: z.number().int().min(1).max(365),
  reminders: z.array(reminderSchema).max(10),
  deadlineMissedAfterDays: z.number().int().min(0).max(180),
});

/** One version of the rules of communications with States, as its YAML file holds it. */
export const communicationPolicyDocumentSchema = z
  .strictObject({
    version: z.string().regex(/^state-communication\/v\d+$/, 'must look like state-communication/v2'),
    title: z.string().trim().min(1).max(300),
    effectiveFrom: z.iso.date('must be a date (YYYY-MM-DD)'),
    kinds: z.record(z.enum(COMMUNICATION_KINDS), kindSchema),
    languages: z.array(z.enum(COMMUNICATION_LANGUAGES)).min(1),
    dispatch: z.strictObject({
      maxAttempts: z.number().int().min(1).max(20),
      retryMinutes: z.number().int().min(1).max(1440),
    }),
  })
  .superRefine((document, context) => {
    const seen = new Map<string, string>();
    for (const [kind, rule] of Object.entries(document.kinds)) {
      if (kind === 'call-for-input' && rule.carriesOut.length > 0)
        context.addIssue({
          code: 'custom',
          path: ['kinds', kind, 'carriesOut'],
          message: 'a call for input goes to every State and carries out no action on a case',
        });
      for (const action of rule.carriesOut) {
        const other = seen.get(action);
        if (other)
          context.addIssue({
            code: 'custom',
            path: ['kinds', kind, 'carriesOut'],
            message: `${action} is already carried out by ${other}`,
          });
        seen.set(action, kind);
      }
      rule.reminders.forEach((reminder, index) => {
        if (reminder.when === 'before' && reminder.days >= rule.replyDays)
          context.addIssue({
            code: 'custom',
            path: ['kinds', kind, 'reminders', index, 'days'],
            message: 'a reminder before the deadline must fall after the communication is sent',
          });
        if (reminder.when === 'after' && reminder.days > rule.deadlineMissedAfterDays)
          context.addIssue({
            code: 'custom',
            path: ['kinds', kind, 'reminders', index, 'days'],
            message: 'a reminder after the deadline must come before silence is a missed deadline',
          });
      });
    }
  });

export type CommunicationPolicyDocument = z.infer<typeof communicationPolicyDocumentSchema>;
