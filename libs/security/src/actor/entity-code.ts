import { z } from 'zod';

/**
 * A UN entity code: uppercase letters and digits in hyphen-separated groups,
 * e.g. OHCHR, SPECIAL-PROCEDURES, TREATY-BODIES, HRC-PRESIDENT, or the code of a
 * field presence or peace operation.
 */
export const ENTITY_CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

export const ENTITY_CODE_MAX_LENGTH = 64;

export const EntityCodeSchema = z
  .string({ error: 'must be a string' })
  .max(ENTITY_CODE_MAX_LENGTH, { error: `must be at most ${ENTITY_CODE_MAX_LENGTH} characters` })
  .regex(ENTITY_CODE_PATTERN, { error: 'must be uppercase letters, digits and hyphens (e.g. OHCHR)' });

export function isEntityCode(value: unknown): value is string {
  return EntityCodeSchema.safeParse(value).success;
}
