import { z } from 'zod';
import { calendarDateSchema, intakeChannelSchema } from '@reprisals/contracts';
import { unStateCodeSchema } from '@reprisals/un-states';
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

const individualVictimSchema = z.strictObject({
  kind: z.literal('individual'),
  name: personName.describe('Full name (sealed; never leaves intake unencrypted)'),
  aliases: z.array(personName).max(10).default([]).describe('Other names the person is known by (sealed)'),
  gender: z.enum(GENDERS).default('undisclosed'),
  ageGroup: z.enum(AGE_GROUPS).default('unknown'),
  profile: z.enum(VICTIM_PROFILES).describe('Why the person was targeted, in the categories reports use'),
  contact: contact.optional(),
});

const organisationVictimSchema = z.strictObject({
  kind: z.literal('organisation'),
  name: personName.describe('Name of the organisation (sealed)'),
  organisationType: z.enum(ORGANISATION_TYPES),
  contact: contact.optional(),
});

export const victimSchema = z.discriminatedUnion('kind', [individualVictimSchema, organisationVictimSchema]);
export type VictimInput = z.infer<typeof victimSchema>;

export const sourceSchema = z.strictObject({
  name: personName.describe('Who reported the allegation (sealed; sources are always confidential)'),
  contact: contact.optional(),
  channel: intakeChannelSchema,
  receivedOn: calendarDateSchema,
  relation: z.enum(SOURCE_RELATIONS).describe('The source’s relation to the victim'),
  reliability: z.enum(SOURCE_RELIABILITY).default('not-yet-assessed'),
});
export type SourceInput = z.infer<typeof sourceSchema>;

/** The minimum an entity records when an allegation arrives. Unknown fields are refused. */
export const receiveAllegationCommandSchema = z
  .object({
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
    victims: z.array(victimSchema).max(50).default([]).describe('The people or organisations targeted'),
    sources: z.array(sourceSchema).max(20).default([]).describe('Who reported it (sealed)'),
    detailedAccount: z
      .string()
      .trim()
      .min(20, 'must be at least 20 characters')
      .max(50_000, 'must be at most 50000 characters')
      .optional()
      .describe('The full account, with identifying details (sealed)'),
  })
  .strict();

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
