import type { CaseForReport } from './case-for-report';
import type { ReportingCycle } from './reporting-cycle';

/** Why a case is not in a report: each exclusion is explained in the draft. */
export const EXCLUSION_REASONS = [
  'out-of-scope',
  'protection-risk',
  'no-publication-consent',
  'not-verified-by-cut-off',
  'late-verification',
  'verification-below-threshold',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * What the HRC President's briefing at each session holds (HRC resolution 54/24, para 13): the
 * cases brought to the President's attention since the last session, and what was done.
 */
export interface PresidentBriefingRules {
  /** The response actions that bring a case to the President's attention (the good offices). */
  broughtToAttentionBy: readonly string[];
  /**
   * Whether a case waits for verification to conclude before it is briefed. When false, a case
   * under verification is briefed; one concluded with an outcome reports do not rest on is not.
   */
  verificationRequired: boolean;
}

/** The rules of inclusion a version of the reporting policy sets. */
export interface InclusionRules {
  /** The verification outcomes a report may rest on (e.g. verified, credible-not-verified). */
  reportableOutcomes: readonly string[];
  presidentBriefing: PresidentBriefingRules;
}

export type InclusionDecision =
  { included: true; anonymised: boolean } | { included: false; reason: ExclusionReason; explanation: string };

/**
 * Whether a case may appear in a cycle's report, by the rules alone and in this order: scope,
 * protection (no publication while a flag stands), consent to publication (anonymous consent gives
 * an anonymised entry), then verification: concluded by the cut-off, with an outcome the rules
 * accept. A conclusion after the cut-off moves the case to the next cycle. An HRC President's
 * briefing does not wait for verification when its rules say so: a case screened in scope and
 * under verification is briefed; one concluded below the threshold is not, even when that was
 * concluded after the cut-off. The same rules for every State: nothing here depends on which
 * State it is.
 */
export function decideInclusion(
  reported: CaseForReport,
  cycle: ReportingCycle,
  rules: InclusionRules,
): InclusionDecision {
  const excluded = (reason: ExclusionReason, explanation: string): InclusionDecision => ({
    included: false,
    reason,
    explanation,
  });
  if (reported.scope === 'out')
    return excluded('out-of-scope', 'screening found the allegation outside the scope of resolution 54/24');
  if (reported.protectionFlagged)
    return excluded('protection-risk', 'a protection risk flag withholds the case from any public report');
  if (reported.publication === 'no')
    return excluded('no-publication-consent', 'consent to publication is missing or was withdrawn');
  const anonymised = reported.publication === 'anonymous';
  if (cycle.kind === 'hrc-president-briefing' && !rules.presidentBriefing.verificationRequired) {
    if (reported.scope !== 'in')
      return excluded('not-verified-by-cut-off', 'screening has not found the allegation within scope yet');
    // Known at the compile, even after the cut-off: a briefing never brings up a case the UN found
    // it could not stand behind.
    if (reported.verification && !rules.reportableOutcomes.includes(reported.verification.outcome))
      return excluded(
        'verification-below-threshold',
        `the outcome of verification (${reported.verification.outcome}) is not one a report rests on`,
      );
    return { included: true, anonymised };
  }
  if (!reported.verification || reported.scope === null)
    return excluded(
      'not-verified-by-cut-off',
      `verification was not concluded by the cut-off (${cycle.cutOff})`,
    );
  if (reported.verification.concludedOn > cycle.cutOff)
    return excluded(
      'late-verification',
      `verification was concluded on ${reported.verification.concludedOn}, after the cut-off (${cycle.cutOff}): the case moves to the next cycle`,
    );
  if (!rules.reportableOutcomes.includes(reported.verification.outcome))
    return excluded(
      'verification-below-threshold',
      `the outcome of verification (${reported.verification.outcome}) is not one a report rests on`,
    );
  return { included: true, anonymised };
}
