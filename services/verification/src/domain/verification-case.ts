import type {
  ActionNaming,
  ActionReach,
  EscalationTrigger,
  PROTOCOL_STAGES,
  ProtectionRisk,
  ProtocolTrack,
  ResponseActionType,
  Urgency,
  VerificationOutcome,
} from '@reprisals/contracts';
import type { z } from 'zod';
import type {
  actionImpactSchema,
  actionPrioritySchema,
  approvalSubjectSchema,
  closureReasonSchema,
  cooperationCategorySchema,
  corroborationKindSchema,
  informationCredibilitySchema,
  outOfScopeReasonSchema,
  perpetratorTypeSchema,
  referralSchema,
  responseActionCancellationSchema,
  responseActionStatusSchema,
  sourceReliabilitySchema,
} from '@reprisals/contracts';

export type ProtocolStage = (typeof PROTOCOL_STAGES)[number];

/** Who took a step: the token's subject, entity and role (never a name). */
export interface ProtocolActor {
  sub: string;
  entity: string;
  role: string;
}

export interface ScopeDecision {
  inScope: boolean;
  cooperationCategory?: z.infer<typeof cooperationCategorySchema>;
  perpetratorType?: z.infer<typeof perpetratorTypeSchema>;
  outOfScopeReason?: z.infer<typeof outOfScopeReasonSchema>;
  referral?: z.infer<typeof referralSchema>;
}

/** A source or piece of corroborating information, rated; `reference` is an opaque code (S-XXXX, an evidence id). */
export interface Corroboration {
  id: string;
  kind: z.infer<typeof corroborationKindSchema>;
  reliability: z.infer<typeof sourceReliabilitySchema>;
  credibility: z.infer<typeof informationCredibilitySchema>;
  reference: string | null;
  recordedAt: string;
  recordedBy: ProtocolActor;
  policyVersion: string;
}

export interface VerificationConclusion {
  outcome: VerificationOutcome;
  concludedOn: string;
  corroborationIds: string[];
  lateForCycle: string | null;
  proposedBy: ProtocolActor;
  approvedBy: ProtocolActor;
  approvedAt: string;
  policyVersion: string;
}

export interface ResponseAction {
  id: string;
  type: ResponseActionType;
  reach: ActionReach;
  naming: ActionNaming | null;
  priority: z.infer<typeof actionPrioritySchema>;
  ownerEntity: string;
  ladderLevel: number | null;
  status: z.infer<typeof responseActionStatusSchema>;
  proposedBy: ProtocolActor;
  proposedAt: string;
  /** The officer asked a supervisor to go past missing consent; the reason stays in verification. */
  consentOverrideRequested: { reason: string } | null;
  /** The supervisor who went past missing consent, with their written reason. */
  consentOverride: { by: ProtocolActor; reason: string; at: string } | null;
  approvalId: string | null;
  decidedAt: string | null;
  nextReviewOn: string | null;
  /** The instant of the next review (its timer's due date). */
  nextReviewAt?: string | null;
  /** When the State's silence makes the next ladder level due (State-facing actions). */
  replyDueAt: string | null;
  stateReply: { type: string; receivedOn: string } | null;
  impact: z.infer<typeof actionImpactSchema> | null;
  cancelledBecause: z.infer<typeof responseActionCancellationSchema> | null;
  /** The version of the protocol that allowed the proposal, and the one that allowed the decision. */
  policyVersion: string;
}

export interface Approval {
  id: string;
  subject: z.infer<typeof approvalSubjectSchema>;
  responseActionId: string | null;
  /** For a verification conclusion: what takes effect once approved. */
  conclusion: { outcome: VerificationOutcome; concludedOn: string; corroborationIds: string[] } | null;
  proposedBy: ProtocolActor;
  requestedAt: string;
  dueBy: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  decidedBy: ProtocolActor | null;
  decidedAt: string | null;
  overdue: boolean;
  policyVersion: string;
}

export interface EscalationState {
  trigger: EscalationTrigger;
  fromLevel: number | null;
  nextActionType: ResponseActionType | null;
  responseActionId: string | null;
  dueSince: string;
  policyVersion: string;
}

/** A case as the graduated response protocol sees it. */
export interface VerificationCase {
  caseId: string;
  reference: string;
  stateConcerned: string;
  leadEntity: string;
  stage: ProtocolStage;
  protocolVersion: string;
  openedAt: Date;
  track: ProtocolTrack;
  risk: ProtectionRisk | null;
  urgency: Urgency | null;
  /** On the urgent track: when the urgent actions are due. */
  urgentResponseDueAt: string | null;
  scope: ScopeDecision | null;
  conclusion: VerificationConclusion | null;
  corroborations: Corroboration[];
  actions: ResponseAction[];
  approvals: Approval[];
  escalation: EscalationState | null;
  closure: { reason: z.infer<typeof closureReasonSchema>; referral: ScopeDecision['referral'] | null } | null;
}

/** Every case enters the protocol at its first stage, under the protocol version in force. */
export function openVerificationCase(
  allegation: { caseId: string; reference: string; stateConcerned: string; leadEntity: string },
  context: { protocolVersion: string; now: Date },
): VerificationCase {
  return {
    caseId: allegation.caseId,
    reference: allegation.reference,
    stateConcerned: allegation.stateConcerned,
    leadEntity: allegation.leadEntity,
    stage: 'registered',
    protocolVersion: context.protocolVersion,
    openedAt: context.now,
    track: 'standard',
    risk: null,
    urgency: null,
    urgentResponseDueAt: null,
    scope: null,
    conclusion: null,
    corroborations: [],
    actions: [],
    approvals: [],
    escalation: null,
    closure: null,
  };
}
