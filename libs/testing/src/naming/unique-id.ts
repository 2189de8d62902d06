import { randomBytes } from 'node:crypto';

let sequence = 0;

/**
 * A short name no other test uses, for topics, consumer groups, schemas and databases:
 * `<prefix>-<time>-<sequence><random>` (base 36 time, a per-process sequence, 6 random hex
 * digits), e.g. `orders-m3k9x2a1-0f41c9a`. The prefix keeps only characters all of those accept.
 */
export function uniqueId(prefix: string, separator: '-' | '_' = '-'): string {
  const safePrefix = prefix.replace(/[^a-zA-Z0-9_.-]/g, separator) || 'id';
  sequence = (sequence + 1) % 36 ** 4;
  const suffix = sequence.toString(36) + randomBytes(3).toString('hex');
  return [safePrefix, Date.now().toString(36), suffix].join(separator);
}
