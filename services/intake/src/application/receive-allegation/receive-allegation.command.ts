import { z } from 'zod';
import {
  actTypeSchema,
  calendarDateSchema,
  cooperationCategorySchema,
  cooperationMechanismSchema,
  intakeChannelSchema,
  MECHANISMS_NAMED_IN_DETAIL,
  perpetratorTypeSchema,
} from '@reprisals/contracts';
import { unStateCodeSchema } from '@reprisals/un-states';
import { recordConsentCommandSchema } from '../record-consent/record-consent.command';
import {
  AGE_GROUPS,
  GENDERS,
  ORGANISATION_TYPES,
  SOURCE_RELATIONS,
  SOURCE_RELIABILITY,
  VICTIM_PROFILES,
} from '../../domain/identities';

const personName = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
const contact = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(500, 'must be at most 500 characters')
  .describe('How to reach the person safely (sealed)');
const sealedText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

/**
 * Lets a cross-field check run even when other fields are wrong, so that one 400 names every
 * problem; it is skipped only when a field it reads is itself invalid.
 */
const whenValid = (...keys: string[]) => ({
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !payload.issues.some((issue) =>
      issue.path?.length ? keys.includes(String(issue.path[0])) : issue.code !== 'unrecognized_keys',
    ),
});
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export const individualVictimSchema = z.strictObject({
  kind: z.literal('individual').describe('A person'),
  name: personName.describe('Full name (sealed; never leaves intake unencrypted)'),
  aliases: z.array(personName).max(10).default([]).describe('Other names the person is known by (sealed)'),
  gender: z.enum(GENDERS).default('undisclosed').describe('As the person describes it; counted in reports'),
  ageGroup: z.enum(AGE_GROUPS).default('unknown').describe('Child, youth, adult, older person or unknown'),
  profile: z.enum(VICTIM_PROFILES).describe('Why the person was targeted, in the categories reports use'),
  contact: contact.optional(),
});

export const organisationVictimSchema = z.strictObject({
  kind: z.literal('organisation').describe('An organisation, e.g. an NGO or a media outlet'),
  name: personName.describe('Name of the organisation (sealed)'),
  organisationType: z.enum(ORGANISATION_TYPES).describe('What kind of organisation'),
  contact: contact.optional(),
});

export const victimSchema = z.discriminatedUnion('kind', [individualVictimSchema, organisationVictimSchema]);
export type VictimInput = z.infer<typeof victimSchema>;

export const sourceSchema = z.strictObject({
  name: personName.describe('Who reported the allegation (sealed; sources are always confidential)'),
  contact: contact.optional(),
  channel: intakeChannelSchema.describe('How the source reached the entity'),
  receivedOn: calendarDateSchema.describe('When the source reported it (not after receivedOn)'),
  relation: z.enum(SOURCE_RELATIONS).describe('The source’s relation to the victim'),
  reliability: z
    .enum(SOURCE_RELIABILITY)
    .default('not-yet-assessed')
    .describe('How far the source can be relied on'),
});
export type SourceInput = z.infer<typeof sourceSchema>;

/** The nexus with the UN (HRC resolution 54/24, para 4). */
export const cooperationSchema = z
  .strictObject({
    mechanism: cooperationMechanismSchema.describe('The UN body or mechanism the person cooperated with'),
    detail: z
      .string()
      .trim()
      .min(3)
      .max(200)
      .optional()
      .describe('Which mandate or treaty body (required for special procedures and treaty bodies)'),
    category: cooperationCategorySchema.describe('Para 4 (a), (b), (c) or (d) of HRC resolution 54/24'),
    date: calendarDateSchema.optional().describe('When the cooperation took place'),
    description: sealedText(10, 5000).optional().describe('What the cooperation was (sealed)'),
  })
  .superRefine(
    (cooperation, context) => {
      const named: readonly string[] = MECHANISMS_NAMED_IN_DETAIL;
      if (named.includes(cooperation.mechanism) && !cooperation.detail) {
        context.addIssue({
          code: 'custom',
          path: ['detail'],
          message: `is required for ${cooperation.mechanism}`,
        });
      }
    },
    whenValid('mechanism', 'detail'),
  );
export type CooperationInput = z.infer<typeof cooperationSchema>;

/** One act of intimidation or reprisal. */
export const actSchema = z
  .strictObject({
    type: actTypeSchema.describe('What was done, from the closed list'),
    date: calendarDateSchema.optional().describe('The day it happened'),
    periodFrom: calendarDateSchema.optional().describe('For acts over a period: its first day'),
    periodTo: calendarDateSchema.optional().describe('For acts over a period: its last day, if over'),
    country: unStateCodeSchema.describe('Where it happened (ISO 3166-1 alpha-3)'),
    place: sealedText(2, 300).optional().describe('Town, facility or platform (sealed)'),
    online: z.boolean().describe('Online (social media, hacking...) or offline'),
    perpetrator: perpetratorTypeSchema.describe('State, non-State or unknown'),
    description: sealedText(10, 10_000).optional().describe('What happened (sealed)'),
  })
  .superRefine(
    (act, context) => {
      if (act.date && (act.periodFrom || act.periodTo)) {
        context.addIssue({ code: 'custom', path: ['date'], message: 'give a date or a period, not both' });
      }
      if (act.periodTo && !act.periodFrom) {
        context.addIssue({ code: 'custom', path: ['periodFrom'], message: 'is required with periodTo' });
      }
      if (act.periodFrom && act.periodTo && act.periodTo < act.periodFrom) {
        context.addIssue({ code: 'custom', path: ['periodTo'], message: 'must not be before periodFrom' });
      }
    },
    whenValid('date', 'periodFrom', 'periodTo'),
  );
export type ActInput = z.infer<typeof actSchema>;

/** What an entity records when an allegation arrives. Unknown fields are refused. */
export const receiveAllegationCommandSchema = z
  .strictObject({
    stateConcerned: unStateCodeSchema.describe(
      'ISO 3166-1 alpha-3 code of the State concerned: a UN Member or Observer State (GET /intake/states)',
    ),
    receivedVia: intakeChannelSchema.describe('How the allegation reached the entity'),
    receivedOn: calendarDateSchema.describe('Date the allegation was received (not in the future)'),
    summary: z
      .string()
      .trim()
      .min(20, 'must be at least 20 characters')
      .max(4000, 'must be at most 4000 characters')
      .describe('Non-identifying summary: no names, contacts or other identifying details'),
    submissionLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as en, fr or es')
      .default('en')
      .describe('Language of the submission'),
    victims: z
      .array(victimSchema)
      .min(1, 'must name at least one victim')
      .max(50)
      .describe('The people or organisations targeted'),
    cooperation: cooperationSchema.describe('The cooperation with the UN the reprisal is for'),
    acts: z
      .array(actSchema)
      .min(1, 'must describe at least one act')
      .max(50)
      .describe('The acts of intimidation or reprisal'),
    sources: z.array(sourceSchema).max(20).default([]).describe('Who reported it (sealed)'),
    consent: recordConsentCommandSchema
      .optional()
      .describe('The consent given with the allegation (needs consent:record); later changes go to /consent'),
    detailedAccount: sealedText(20, 50_000)
      .optional()
      .describe('The full account, with identifying details (sealed)'),
  })
  .superRefine((command, context) => {
    // Runs on partly invalid input too (see whenValid): read defensively.
    const acts: unknown[] = Array.isArray(command.acts) ? command.acts : [];
    const sources: unknown[] = Array.isArray(command.sources) ? command.sources : [];
    acts.forEach((item, index) => {
      const act = (item ?? {}) as { date?: unknown; periodFrom?: unknown };
      const first = isDate(act.date) ? act.date : isDate(act.periodFrom) ? act.periodFrom : undefined;
      if (first && first > command.receivedOn) {
        context.addIssue({
          code: 'custom',
          path: ['acts', index, isDate(act.date) ? 'date' : 'periodFrom'],
          message: 'cannot be after the allegation was received (receivedOn)',
        });
      }
    });
    sources.forEach((item, index) => {
      const source = (item ?? {}) as { receivedOn?: unknown };
      if (isDate(source.receivedOn) && source.receivedOn > command.receivedOn) {
        context.addIssue({
          code: 'custom',
          path: ['sources', index, 'receivedOn'],
          message: 'cannot be after the allegation was received (receivedOn)',
        });
      }
    });
  }, whenValid('receivedOn'));

export type ReceiveAllegationCommand = z.infer<typeof receiveAllegationCommandSchema>;

export interface AllegationReceipt {
  id: string;
  reference: string;
}

/** A client's retry key: printable, no spaces, at most 200 characters. */
export const idempotencyKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces');
