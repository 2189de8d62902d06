import {
  PROTOCOL_STAGES,
  type AllegationReceivedData,
  type ResponseActionType,
  type StateReplyType,
  type VerificationOutcome,
} from '@reprisals/contracts';

/** A stage of the response protocol, registered to closed. */
export type ProtocolStage = (typeof PROTOCOL_STAGES)[number];

/** A victim as statistics count it: categories, and the case's pseudonym until the data are erased. */
export type ReportedVictim = Omit<AllegationReceivedData['victims'][number], 'pseudonym'> & {
  pseudonym: string | null;
};

/** An act as statistics count it: no country, place or description. */
export type ReportedAct = Omit<AllegationReceivedData['acts'][number], 'country'>;

/**
 * How far a response action went, in the order it can only move forward: known from its
 * approval, decided, then cancelled or completed (completed wins if both were ever reported).
 */
export const REPORTED_ACTION_STATUSES = ['approved', 'decided', 'cancelled', 'completed'] as const;
export type ReportedActionStatus = (typeof REPORTED_ACTION_STATUSES)[number];

export interface ReportedAction {
  id: string;
  /** Null while only its approval is known (ResponseActionApproved does not carry the type). */
  type: ResponseActionType | null;
  status: ReportedActionStatus;
  /** The day (UTC) it was decided; null until ResponseActionDecided is known. */
  decidedOn: string | null;
}

/** A reply of the State to a communication about the case: its type and the day it was received. */
export interface ReportedReply {
  replyId: string;
  type: StateReplyType;
  receivedOn: string;
}

/**
 * Everything statistics count about one case, merged from the events of four services. Holds
 * ids, codes, categories and dates only: nothing a person wrote, nothing that names anyone.
 *
 * Events of one case come from several topics in no guaranteed order and may be delivered more
 * than once, so every fact records what decides between two reports of it (a version, the
 * instant it happened, or a set of ids), and applying an event twice changes nothing.
 */
export interface ReportCase {
  caseId: string;
  reference: string | null;
  stateConcerned: string | null;
  leadEntity: string | null;
  /** When the lead last moved (LeadTransferred); null while the receiving entity leads. */
  leadTransferredAt: string | null;
  receivedOn: string | null;
  victims: ReportedVictim[];
  acts: ReportedAct[];
  mechanism: string | null;
  category: string | null;
  /** The allegation version each group of facts was last taken from (0: not known yet). */
  factVersions: { victims: number; acts: number; cooperation: number };
  screeningScope: 'in-scope' | 'out-of-scope' | null;
  screenedAt: string | null;
  riskLevel: string | null;
  riskAssessedAt: string | null;
  verificationOutcome: VerificationOutcome | null;
  verificationConcludedOn: string | null;
  verificationConcludedAt: string | null;
  /** The reporting cycle a conclusion came too late for (e.g. 2025-2026), as verification judged it. */
  verificationLateForCycle: string | null;
  responseActions: ReportedAction[];
  /** The communications sent to the State about the case, by id. */
  sentCommunicationIds: string[];
  /** The communications whose reply deadline the State missed, by id. */
  missedDeadlineCommunicationIds: string[];
  /** Every reply of the State, by the day received (then by id). */
  stateReplies: ReportedReply[];
  /** The furthest stage of the response protocol the case's events told of (they arrive in any order). */
  stage: ProtocolStage | null;
  closed: boolean;
  personalDataErased: boolean;
  /** The latest instant of the events applied (never the time they were projected). */
  lastEventAt: string | null;
}

export function emptyReportCase(caseId: string): ReportCase {
  return {
    caseId,
    reference: null,
    stateConcerned: null,
    leadEntity: null,
    leadTransferredAt: null,
    receivedOn: null,
    victims: [],
    acts: [],
    mechanism: null,
    category: null,
    factVersions: { victims: 0, acts: 0, cooperation: 0 },
    screeningScope: null,
    screenedAt: null,
    riskLevel: null,
    riskAssessedAt: null,
    verificationOutcome: null,
    verificationConcludedOn: null,
    verificationConcludedAt: null,
    verificationLateForCycle: null,
    responseActions: [],
    sentCommunicationIds: [],
    missedDeadlineCommunicationIds: [],
    stateReplies: [],
    stage: null,
    closed: false,
    personalDataErased: false,
    lastEventAt: null,
  };
}

/** One event's change to a case, applied at the instant the event happened (ISO 8601, UTC). */
export type ReportCaseChange = (current: ReportCase, at: string) => ReportCase;

/**
 * A change that also records the stage the event tells of. The protocol's stages only move on
 * (registered to closed), so the furthest one known wins whatever order the events arrive in.
 */
export const reachingStage =
  (change: ReportCaseChange, stage: ProtocolStage | undefined): ReportCaseChange =>
  (current, at) => {
    const next = change(current, at);
    if (stage === undefined) return next;
    const furthest =
      next.stage !== null && PROTOCOL_STAGES.indexOf(next.stage) >= PROTOCOL_STAGES.indexOf(stage)
        ? next.stage
        : stage;
    return { ...next, stage: furthest };
  };

/** Applies a change and records the instant of the latest event applied. */
export function applyToReportCase(current: ReportCase, change: ReportCaseChange, at: string): ReportCase {
  const next = change(current, at);
  return { ...next, lastEventAt: latest(next.lastEventAt, at) };
}

/** Whether a fact reported at `at` replaces the one reported at `known` (a redelivery replaces it by itself). */
export const isNotOlder = (at: string, known: string | null): boolean => known === null || at >= known;

const latest = (a: string | null, b: string): string => (a !== null && a > b ? a : b);

/** The State's first reply: the earliest received, then the smallest id; null before any. */
export const firstReplyOf = (replies: readonly ReportedReply[]): ReportedReply | null => replies[0] ?? null;

/** Replies in the order firstReplyOf relies on: by the day received, then by id. */
export const byReception = (a: ReportedReply, b: ReportedReply): number =>
  a.receivedOn.localeCompare(b.receivedOn) || a.replyId.localeCompare(b.replyId);

/** A set of ids as a sorted array, so that the same ids always make the same row. */
export const withId = (ids: readonly string[], id: string): string[] =>
  ids.includes(id) ? [...ids] : [...ids, id].sort();
