import type {
  CaseScreenedData,
  ResponseActionType,
  RiskAssessedData,
  VerificationConcludedData,
} from '@reprisals/contracts';
import {
  isNotOlder,
  REPORTED_ACTION_STATUSES,
  type ReportCase,
  type ReportCaseChange,
  type ReportedActionStatus,
} from './report-case';

/** Screening decided whether the case is within resolution 54/24; a later screening replaces it. */
export const caseScreened =
  (data: CaseScreenedData): ReportCaseChange =>
  (current, at) =>
    isNotOlder(at, current.screenedAt)
      ? { ...current, screeningScope: data.inScope ? 'in-scope' : 'out-of-scope', screenedAt: at }
      : current;

/** The protection risk was assessed; a later assessment replaces it. */
export const riskAssessed =
  (data: RiskAssessedData): ReportCaseChange =>
  (current, at) =>
    isNotOlder(at, current.riskAssessedAt)
      ? { ...current, riskLevel: data.risk, riskAssessedAt: at }
      : current;

/** Verification concluded; a later conclusion replaces it. */
export const verificationConcluded =
  (data: VerificationConcludedData): ReportCaseChange =>
  (current, at) =>
    isNotOlder(at, current.verificationConcludedAt)
      ? {
          ...current,
          verificationOutcome: data.outcome,
          verificationConcludedOn: data.concludedOn,
          verificationConcludedAt: at,
          verificationLateForCycle: data.lateForCycle,
        }
      : current;

/**
 * A response action moved to `status` (never back), with its type when the event carries it;
 * ResponseActionDecided also dates it (the day it happened, UTC).
 */
export const responseActionReported =
  (action: { id: string; type?: ResponseActionType; status: ReportedActionStatus }): ReportCaseChange =>
  (current, at) => {
    const known = current.responseActions.find((candidate) => candidate.id === action.id);
    const merged = {
      id: action.id,
      type: action.type ?? known?.type ?? null,
      status: known ? furthest(known.status, action.status) : action.status,
      decidedOn: action.status === 'decided' ? at.slice(0, 10) : (known?.decidedOn ?? null),
    };
    return {
      ...current,
      responseActions: [
        ...current.responseActions.filter((candidate) => candidate.id !== action.id),
        merged,
      ].sort((a, b) => a.id.localeCompare(b.id)),
    };
  };

/** The case left the response protocol. */
export const caseClosed = (): ReportCaseChange => (current: ReportCase) => ({ ...current, closed: true });

const furthest = (a: ReportedActionStatus, b: ReportedActionStatus): ReportedActionStatus =>
  REPORTED_ACTION_STATUSES.indexOf(a) >= REPORTED_ACTION_STATUSES.indexOf(b) ? a : b;
