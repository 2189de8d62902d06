import { z } from 'zod';

/**
 * What two cases were found to share, as keyed hashes of normalised identifiers (never the
 * identifiers): a person (name, age group, State concerned), an organisation (name, State
 * concerned), or a contact (e-mail, phone number or other contact detail).
 */
export const FINGERPRINT_KINDS = ['person', 'organisation', 'contact'] as const;
export const fingerprintKindSchema = z.enum(FINGERPRINT_KINDS);
export type FingerprintKind = z.infer<typeof fingerprintKindSchema>;

/** The kinds of identifier two cases share: at least one, each once. */
export const matchedOnSchema = z
  .array(fingerprintKindSchema)
  .min(1)
  .max(FINGERPRINT_KINDS.length)
  .refine((kinds) => new Set(kinds).size === kinds.length, 'must name each kind once');
