import { z } from 'zod';

/** Human reference of a case, e.g. REP-2026-000123. */
export const caseReferenceSchema = z.string().regex(/^REP-\d{4}-\d{6}$/, 'must look like REP-2026-000123');

/** ISO 3166-1 alpha-3 code of the State concerned. */
export const stateCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code');

/** Code of a UN entity: OHCHR, SPECIAL-PROCEDURES, TREATY-BODIES, HRC-PRESIDENT, a field presence... */
export const entityCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,63}$/, 'must be an entity code such as OHCHR');

/** A day, YYYY-MM-DD, from 1900 on (PostgreSQL has no year 0, and no reprisal predates the UN). */
export const calendarDateSchema = z.iso
  .date()
  .refine((date) => date >= '1900-01-01', 'must not be before 1900');

export const INTAKE_CHANNELS = [
  'email',
  'online-form',
  'meeting',
  'field-mission',
  'referral',
  'other',
] as const;
export const intakeChannelSchema = z.enum(INTAKE_CHANNELS);
export type IntakeChannel = z.infer<typeof intakeChannelSchema>;
