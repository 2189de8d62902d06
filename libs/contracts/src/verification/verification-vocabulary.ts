import { z } from 'zod';

/**
 * The closed lists of the graduated response protocol, shared by verification (which decides)
 * and the services that act on or count its decisions. Values are stable codes: add, never rename.
 */

/** How much danger the person is in, as the risk assessment rates it. */
export const PROTECTION_RISKS = ['low', 'medium', 'high', 'critical'] as const;
/** How soon something must happen. `imminent` (like a `critical` risk) takes the urgent track. */
export const URGENCIES = ['routine', 'urgent', 'imminent'] as const;
/** The track a case runs on: the urgent one acts within hours while verification continues. */
export const PROTOCOL_TRACKS = ['standard', 'urgent'] as const;

/** Why a screened case falls outside the mandate of resolution 54/24. */
export const OUT_OF_SCOPE_REASONS = [
  'no-cooperation-nexus',
  'no-act-of-intimidation-or-reprisal',
  'no-identifiable-perpetrator',
  'handled-by-another-procedure',
  'other',
] as const;
/** Where an out-of-scope case is referred, when it is. */
export const REFERRALS = [
  'special-procedures',
  'treaty-body',
  'ohchr-field-presence',
  'protection-partner',
  'un-agency',
  'none',
] as const;

/** The outcome of verification (para 9: carefully verified and corroborated). */
export const VERIFICATION_OUTCOMES = [
  'verified',
  'credible-not-verified',
  'unverified',
  'rejected',
  'falsely-attributed',
] as const;

/** What a piece of corroborating information is. */
export const CORROBORATION_KINDS = [
  'victim-testimony',
  'witness-testimony',
  'document',
  'official-record',
  'medical-report',
  'media-report',
  'open-source',
  'un-field-information',
  'other',
] as const;
/** How reliable its source has proved (admiralty scale, A to F). */
export const SOURCE_RELIABILITIES = [
  'reliable',
  'usually-reliable',
  'fairly-reliable',
  'not-usually-reliable',
  'unreliable',
  'cannot-be-judged',
] as const;
/** How far the information itself is confirmed (admiralty scale, 1 to 6). */
export const INFORMATION_CREDIBILITIES = [
  'confirmed',
  'probably-true',
  'possibly-true',
  'doubtful',
  'improbable',
  'cannot-be-judged',
] as const;

/** The response toolkit: the predictable set of tools a case is answered with. */
export const RESPONSE_ACTION_TYPES = [
  'monitoring',
  'private-engagement',
  'urgent-appeal',
  'allegation-letter',
  'senior-engagement',
  'hrc-president-good-offices',
  'public-statement',
  'protection-referral',
  'annual-report-inclusion',
  'follow-up',
] as const;
/** How far an action goes: inside the UN, to the State concerned, or to the public. */
export const ACTION_REACHES = ['internal', 'state', 'public'] as const;
/** Whether a State-facing or public action names the person or keeps them anonymous. */
export const ACTION_NAMINGS = ['named', 'anonymous'] as const;
export const ACTION_PRIORITIES = ['routine', 'high', 'urgent'] as const;
export const RESPONSE_ACTION_STATUSES = [
  'proposed',
  'decided',
  'rejected',
  'cancelled',
  'completed',
] as const;
/** What the action changed for the person, once known. */
export const ACTION_IMPACTS = ['improved', 'no-change', 'worsened', 'unknown'] as const;

/** What an approval request is about (four eyes). */
export const APPROVAL_SUBJECTS = ['verification-conclusion', 'response-action'] as const;
/** What makes the next level of the ladder due. */
export const ESCALATION_TRIGGERS = [
  'no-substantive-reply-by-deadline',
  'reply-deadline-missed',
  'new-act-against-same-person',
  'urgent-response-overdue',
] as const;
/** Why a case was closed. */
export const CLOSURE_REASONS = [
  'out-of-scope',
  'verification-rejected',
  'resolved',
  'no-further-action-possible',
  'consent-withdrawn',
  'merged-with-linked-case',
  'other',
] as const;

export const protectionRiskSchema = z.enum(PROTECTION_RISKS);
export const urgencySchema = z.enum(URGENCIES);
export const protocolTrackSchema = z.enum(PROTOCOL_TRACKS);
export const outOfScopeReasonSchema = z.enum(OUT_OF_SCOPE_REASONS);
export const referralSchema = z.enum(REFERRALS);
export const verificationOutcomeSchema = z.enum(VERIFICATION_OUTCOMES);
export const corroborationKindSchema = z.enum(CORROBORATION_KINDS);
export const sourceReliabilitySchema = z.enum(SOURCE_RELIABILITIES);
export const informationCredibilitySchema = z.enum(INFORMATION_CREDIBILITIES);
export const responseActionTypeSchema = z.enum(RESPONSE_ACTION_TYPES);
export const actionReachSchema = z.enum(ACTION_REACHES);
export const actionNamingSchema = z.enum(ACTION_NAMINGS);
export const actionPrioritySchema = z.enum(ACTION_PRIORITIES);
export const responseActionStatusSchema = z.enum(RESPONSE_ACTION_STATUSES);
export const actionImpactSchema = z.enum(ACTION_IMPACTS);
export const approvalSubjectSchema = z.enum(APPROVAL_SUBJECTS);
export const escalationTriggerSchema = z.enum(ESCALATION_TRIGGERS);
export const closureReasonSchema = z.enum(CLOSURE_REASONS);

export type ProtectionRisk = z.infer<typeof protectionRiskSchema>;
export type Urgency = z.infer<typeof urgencySchema>;
export type ProtocolTrack = z.infer<typeof protocolTrackSchema>;
export type VerificationOutcome = z.infer<typeof verificationOutcomeSchema>;
export type ResponseActionType = z.infer<typeof responseActionTypeSchema>;
export type ActionReach = z.infer<typeof actionReachSchema>;
export type ActionNaming = z.infer<typeof actionNamingSchema>;
export type EscalationTrigger = z.infer<typeof escalationTriggerSchema>;

/** Why a response action was cancelled. */
export const RESPONSE_ACTION_CANCELLATIONS = [
  'consent-withdrawn',
  'protection-risk',
  'case-closed',
  'withdrawn-by-officer',
] as const;
export const responseActionCancellationSchema = z.enum(RESPONSE_ACTION_CANCELLATIONS);
