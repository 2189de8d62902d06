import { z } from 'zod';

/** How serious the risk to the person is. */
export const PROTECTION_RISK_LEVELS = ['moderate', 'high', 'severe'] as const;
/** Why the case is withheld: a fixed code (the officer's note stays in intake). */
export const PROTECTION_RISK_REASONS = [
  'threat-of-further-reprisal',
  'person-in-detention',
  'person-in-hiding',
  'family-at-risk',
  'identifiable-from-details',
  'other',
] as const;

export const protectionRiskLevelSchema = z.enum(PROTECTION_RISK_LEVELS);
export const protectionRiskReasonSchema = z.enum(PROTECTION_RISK_REASONS);
