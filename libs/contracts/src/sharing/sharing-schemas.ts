import { z } from 'zod';

/** How much of a case a receiving entity sees: a summary (no identities), or the full file. */
export const SHARE_SCOPES = ['summary', 'full'] as const;
export const shareScopeSchema = z.enum(SHARE_SCOPES);
export type ShareScope = z.infer<typeof shareScopeSchema>;

/**
 * Why the lead entity was allowed to share: the victim's consent to sharing with other UN
 * entities, or a supervisor's audited override (its written reason stays in intake's audit).
 */
export const SHARE_CONSENT_BASES = ['consent', 'supervisor-override'] as const;
export const shareConsentBasisSchema = z.enum(SHARE_CONSENT_BASES);
export type ShareConsentBasis = z.infer<typeof shareConsentBasisSchema>;
