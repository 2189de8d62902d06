import type {
  ActionNaming,
  ConsentScopes,
  ResponseActionType,
  VerificationOutcome,
} from '@reprisals/contracts';
import type { Permission } from '@reprisals/security';
import type { ResponseProtocolPolicy } from '../protocol-policy/response-protocol-policy';
import type {
  Corroboration,
  ProtocolActor,
  ResponseAction,
  ScopeDecision,
  VerificationCase,
} from '../verification-case';

/** Each step an officer takes on a case, as `POST /verification/cases/:id/transitions` receives it. */
export type ProtocolCommand =
  | { action: 'begin-screening' }
  | ({ action: 'screen' } & (
      | {
          inScope: true;
          cooperationCategory: NonNullable<ScopeDecision['cooperationCategory']>;
          perpetratorType: NonNullable<ScopeDecision['perpetratorType']>;
        }
      | {
          inScope: false;
          outOfScopeReason: NonNullable<ScopeDecision['outOfScopeReason']>;
          referral?: ScopeDecision['referral'];
        }
    ))
  | {
      action: 'assess-risk';
      risk: NonNullable<VerificationCase['risk']>;
      urgency: NonNullable<VerificationCase['urgency']>;
    }
  | ({ action: 'record-corroboration' } & Pick<Corroboration, 'kind' | 'reliability' | 'credibility'> & {
        reference?: string;
      })
  | {
      action: 'conclude-verification';
      outcome: VerificationOutcome;
      concludedOn: string;
      corroborationIds: string[];
    }
  | {
      action: 'propose-action';
      actionType: ResponseActionType;
      priority: ResponseAction['priority'];
      ownerEntity?: string;
      naming?: ActionNaming;
      /** Asks a supervisor to go past missing consent; the reason is written, kept and audited. */
      consentOverride?: { reason: string };
    }
  | { action: 'withdraw-action'; responseActionId: string }
  | { action: 'complete-action'; responseActionId: string; impact: NonNullable<ResponseAction['impact']> }
  | {
      action: 'close';
      reason: NonNullable<VerificationCase['closure']>['reason'];
      referral?: ScopeDecision['referral'];
    }
  | { action: 'adopt-policy-version'; version: string };

/** A supervisor's answer to an approval request. */
export type ApprovalCommand =
  { decision: 'approve'; consentOverride?: { reason: string } } | { decision: 'reject' };

/** Who acts, with the permissions their roles grant. */
export interface ProtocolCaller extends ProtocolActor {
  permissions: readonly Permission[];
}

/** What the engine reads besides the case: the rules, the caller, the time and what may leave the UN. */
export interface StepContext {
  /** The version the case runs under. */
  policy: ResponseProtocolPolicy;
  /** The published versions, for adopt-policy-version. */
  policies?: {
    get(version: string): ResponseProtocolPolicy | undefined;
    inForce(now: Date): ResponseProtocolPolicy;
  };
  caller: ProtocolCaller;
  now: Date;
  disclosure: { consent: ConsentScopes; withheld: boolean };
  newId: () => string;
}
