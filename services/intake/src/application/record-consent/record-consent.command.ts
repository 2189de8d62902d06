import { z } from 'zod';
import { calendarDateSchema, CONSENT_FORMS, CONSENT_GIVERS, consentScopesSchema } from '@reprisals/contracts';

const who = {
  givenBy: z.enum(CONSENT_GIVERS).describe('Who gave it: victim, family, representative, organisation'),
  givenOn: calendarDateSchema.describe('The day it was given (not in the future)'),
  form: z.enum(CONSENT_FORMS).describe('written, oral (noted by the officer) or recorded'),
};

export const recordConsentCommandSchema = z.strictObject({
  scopes: consentScopesSchema.describe('What may be done, scope by scope'),
  ...who,
  confirmNamedPublicationWithoutStateRaising: z
    .boolean()
    .optional()
    .describe('Required (true) to record "publish: named" together with "raiseWithState: no"'),
});
export type RecordConsentCommand = z.infer<typeof recordConsentCommandSchema>;

export const withdrawConsentCommandSchema = z.strictObject({
  withdrawnBy: who.givenBy,
  withdrawnOn: who.givenOn,
  form: who.form,
});
export type WithdrawConsentCommand = z.infer<typeof withdrawConsentCommandSchema>;
