import { randomInt } from 'node:crypto';

/** Crockford base 32 without I, L, O, U: nothing to misread when a pseudonym is read aloud. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type PseudonymPrefix = 'V' | 'S';

/**
 * A pseudonym that stands for a person inside one case (`V-7F3K` for a victim, `S-…` for a
 * source): random, so it says nothing about the person, and unique within the case.
 */
export function pseudonymsFor(
  prefix: PseudonymPrefix,
  count: number,
  taken: ReadonlySet<string> = new Set(),
): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    let body = '';
    for (let index = 0; index < 4; index++) body += ALPHABET[randomInt(ALPHABET.length)];
    const pseudonym = `${prefix}-${body}`;
    if (!taken.has(pseudonym)) chosen.add(pseudonym);
  }
  return [...chosen];
}
