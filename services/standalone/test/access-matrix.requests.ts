import { randomUUID } from 'node:crypto';
import { SERVICE_NAMES, type ServiceName } from '@reprisals/contracts';
import type { AccessPolicy, Permission, Role } from '@reprisals/security';
import { CONSENT_TO_SHARE, type CaseSharingSteps, type RecordedCase } from './case-sharing.fixture';
import { evidenceForm } from './evidence.fixture';
import { eventually } from '@reprisals/testing';
import { validAllegation } from './system.fixture';

/**
 * The valid request of every route, for the access matrix (access-matrix.e2e.spec.ts): path
 * parameters that point at real data and a body the route accepts, so that the answer is about
 * access alone. A route of the OpenAPI document without an entry here fails the matrix.
 *
 * Adding a route is one entry: its key is `METHOD /path/{param}` as the OpenAPI document spells
 * it; `reach` says which entities the request is for; `build` makes the request for one call,
 * creating over HTTP what the call consumes. A command that changes state gets data of its own:
 * it never moves the shared case's lead, its consent or the partner's accepted share.
 */

/** How the caller's entity stands towards the data the request acts on. */
export type Standing = 'lead' | 'partner' | 'outsider';

/** The entity the matrix calls as, for each standing. */
export const MATRIX_ENTITIES: Record<Standing, string> = {
  /** Leads every case the fixtures create. */
  lead: 'OHCHR',
  /** Holds an accepted share of the shared case; the fixtures' offers and transfers go to it. */
  partner: 'TREATY-BODIES',
  /** Sees none of the fixtures' cases. */
  outsider: 'UNDP',
};

/**
 * A Permanent Mission's token names its State (a token naming anything else is not valid): the
 * matrix calls as the State of the fixtures' cases (they were sent to it) and as two others.
 */
export const MISSION_ENTITIES: Record<Standing, string> = {
  lead: validAllegation.stateConcerned,
  partner: 'NIC',
  outsider: 'FRA',
};

/** The entity a role's token names for a standing: a State for Missions, a UN entity otherwise. */
export const matrixEntity = (role: Role, standing: Standing): string =>
  (role === 'state-mission' ? MISSION_ENTITIES : MATRIX_ENTITIES)[standing];

/** Receives what the lead's commands offer or hand over: the matrix never calls as it. */
export const BYSTANDER = 'UNHCR';

/**
 * Which entities a route's request is for, once the caller's role may call the route:
 * - `any-entity`: not about one case (lists filtered by need to know, exports, dead letters):
 *   2xx for every entity;
 * - `case-read`: reads one case: 2xx for its lead and for the holder of an accepted share, 404
 *   for any other entity (the case does not exist for it);
 * - `lead-command`: a step only the lead takes: 2xx for the lead; 403 for the holder of a share
 *   (it sees the case, it does not steer it); 404 for any other entity;
 * - `full-file-read`: reads the identifying part of one case: 2xx for its lead; 403 for the
 *   partner, whose share covers the summary only; 404 for any other entity;
 * - `answer`: answers an offer or a transfer made to the partner: 2xx for the partner, 404 for
 *   every other entity (nothing was offered to it).
 * - `any-state`: a Permanent Mission's own lists: 2xx for any State;
 * - `own-state`: what was sent to one State: 2xx for its Mission, 404 for any other State's;
 * - `own-entity`: what belongs to the lead entity without being a case (a call for input): 2xx
 *   for it, 404 for every other entity (a share of a case opens nothing here).
 */
export type Reach =
  | 'any-entity'
  | 'case-read'
  | 'full-file-read'
  | 'lead-command'
  | 'answer'
  | 'any-state'
  | 'own-state'
  | 'own-entity';

const ANSWERS: Record<Reach, Record<Standing, 'success' | 403 | 404>> = {
  'any-entity': { lead: 'success', partner: 'success', outsider: 'success' },
  'case-read': { lead: 'success', partner: 'success', outsider: 404 },
  'full-file-read': { lead: 'success', partner: 403, outsider: 404 },
  'lead-command': { lead: 'success', partner: 403, outsider: 404 },
  answer: { lead: 404, partner: 'success', outsider: 404 },
  'any-state': { lead: 'success', partner: 'success', outsider: 'success' },
  'own-state': { lead: 'success', partner: 404, outsider: 404 },
  'own-entity': { lead: 'success', partner: 404, outsider: 404 },
};

export interface Caller {
  role: Role;
  entity: string;
  standing: Standing;
}

/** Values for the route's path parameters, its query and its body. */
export interface ValidRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the factories build on: data created through the running system. */
export interface MatrixFixtures {
  /**
   * Led by the lead entity, with the victim's consent to share, shared with and accepted by the
   * partner, and seen by every service.
   */
  sharedCase: RecordedCase;
  steps: CaseSharingSteps;
  /** A new case led by the lead entity, with consent to share and a share accepted by the partner if asked. */
  newCase(options?: { consentToShare?: boolean; acceptedByPartner?: boolean }): Promise<string>;
  /** A dead letter of the service, really dead-lettered by it, that no other call replays. */
  deadLetter(service: ServiceName): Promise<string>;
  /** Any other setup step over HTTP, as `role` of the lead entity: the answer's body; throws unless 2xx. */
  setUp(role: Role, method: HttpMethod, path: string, body?: unknown): Promise<any>;
}

export interface ValidRequestFactory {
  reach: Reach;
  build(fixtures: MatrixFixtures, caller: Caller): ValidRequest | Promise<ValidRequest>;
}

const { lead: LEAD, partner: PARTNER } = MATRIX_ENTITIES;

/** A read of the shared case. */
const sharedCaseRead: ValidRequestFactory = {
  reach: 'case-read',
  build: ({ sharedCase }) => ({ params: { id: sharedCase.id } }),
};

/** An offer of a new case to the partner, for the partner to answer. */
const offerToPartner: ValidRequestFactory = {
  reach: 'answer',
  build: async ({ newCase, steps }) => {
    const id = await newCase();
    return {
      params: { id, shareId: await steps.offerShare(id, LEAD, PARTNER) },
    };
  },
};

/** A new case shared with the partner, once verification has opened it. */
async function caseInVerification({ newCase, steps }: MatrixFixtures): Promise<string> {
  const id = await newCase({ consentToShare: true, acceptedByPartner: true });
  const recorded = { id, stateConcerned: validAllegation.stateConcerned };
  // Verification knows the case and the partner's share: its answer is then about access alone.
  await eventually(async () => (await steps.viewIn('verification', recorded, PARTNER)).status === 200, {
    description: 'verification to show the new case to the partner',
    // Many calls build cases at once: the consumers work through a queue.
    timeoutMs: 60_000,
  });
  return id;
}

/** A new case shared with the partner, with consent to raise it, once state-communication has it on file. */
async function caseOnStateFile({ newCase, steps }: MatrixFixtures): Promise<string> {
  const id = await newCase({ consentToShare: true, acceptedByPartner: true });
  const recorded = { id, stateConcerned: validAllegation.stateConcerned };
  await eventually(
    async () => (await steps.viewIn('state-communication', recorded, PARTNER)).status === 200,
    {
      description: 'state-communication to show the new case to the partner',
      timeoutMs: 60_000,
    },
  );
  return id;
}

/** A small PDF, as a form: what a State's reply comes with. */
const matrixReplyDocument = (): FormData =>
  evidenceForm({
    data: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\nAdded by the access matrix.\n', 'latin1'),
    name: 'matrix.pdf',
    type: 'application/pdf',
  });

/** The State's acknowledgement of a newly sent communication, recorded by the lead's liaison (assessed when given). */
async function repliedCommunication(
  fixtures: MatrixFixtures,
  assessment?: 'responsive',
): Promise<{ id: string; replyId: string }> {
  const id = await communicationOf(fixtures, 'sent');
  const replied = await fixtures.setUp(
    'state-liaison',
    'POST',
    `/state-communication/communications/${id}/replies`,
    {
      type: 'acknowledgement',
      receivedOn: new Date().toISOString().slice(0, 10),
      language: 'en',
      ...(assessment ? { assessment } : {}),
    },
  );
  return { id, replyId: (replied.replies as Array<{ id: string }>)[0]!.id };
}

/** The State's reply to a communication sent about a new case of the lead, recorded once. */
let sharedReply: Promise<{ id: string; replyId: string }> | undefined;
function replyOfSentCommunication(fixtures: MatrixFixtures): Promise<{ id: string; replyId: string }> {
  sharedReply ??= repliedCommunication(fixtures, 'responsive');
  return sharedReply;
}

/** One document of that reply, added once by the lead's liaison, that every download reads. */
let sharedReplyDocument: Promise<string> | undefined;
function replyDocumentOf(fixtures: MatrixFixtures): Promise<string> {
  sharedReplyDocument ??= replyOfSentCommunication(fixtures).then(
    async ({ id, replyId }) =>
      (
        await fixtures.setUp(
          'state-liaison',
          'POST',
          `/state-communication/communications/${id}/replies/${replyId}/documents`,
          matrixReplyDocument(),
        )
      ).id as string,
  );
  return sharedReplyDocument;
}

const CUSTOM_CYCLE = { kind: 'custom', periodFrom: '2026-05-01', periodTo: '2027-04-30' };

/** A reporting cycle of its own (one compile at a time per cycle), opened by the lead's analyst. */
async function reportingCycle(setUp: MatrixFixtures['setUp']): Promise<string> {
  // Custom cycles may share days; annual reports may not (one per period).
  return (await setUp('reporting-analyst', 'POST', '/reporting/cycles', CUSTOM_CYCLE)).id as string;
}

/** A reporting cycle of its own, compiled (the compile runs as a job: waited for). */
async function compiledReportingCycle(setUp: MatrixFixtures['setUp']): Promise<string> {
  const id = await reportingCycle(setUp);
  await setUp('reporting-analyst', 'POST', `/reporting/cycles/${id}/compile`, {});
  await eventually(
    async () => (await setUp('reporting-analyst', 'GET', `/reporting/cycles/${id}`)).job.state === 'compiled',
    { description: 'the reporting cycle to be compiled', timeoutMs: 60_000 },
  );
  return id;
}

/** One cycle finalised once, whose version 1 every read of a version reads. */
let finalisedCycle: Promise<string> | undefined;
function finalisedReportingCycle(setUp: MatrixFixtures['setUp']): Promise<string> {
  finalisedCycle ??= compiledReportingCycle(setUp).then(async (id) => {
    await setUp('reporting-analyst', 'POST', `/reporting/cycles/${id}/finalise`, {});
    return id;
  });
  return finalisedCycle;
}

/** One cycle compiled once, that every export reads (an export changes nothing). */
let cycleToExport: Promise<string> | undefined;
function compiledCycleToExport(setUp: MatrixFixtures['setUp']): Promise<string> {
  cycleToExport ??= compiledReportingCycle(setUp);
  return cycleToExport;
}

/** Each call for input needs a period of its own: the matrix's run through the years. */
let callsForInputOpened = 0;

/** A call for input to one State, drafted by the lead's liaison, taken as far as `status`. */
async function callForInputOf({ setUp }: MatrixFixtures, status: 'draft' | 'approved'): Promise<string> {
  const year = 1950 + callsForInputOpened++;
  const opened = await setUp('state-liaison', 'POST', '/state-communication/calls-for-input', {
    periodFrom: `${year}-05-01`,
    periodTo: `${year + 1}-04-30`,
    states: ['TUV'],
  });
  const id = opened.id as string;
  if (status === 'approved')
    await setUp('supervisor', 'POST', `/state-communication/calls-for-input/${id}/approve`, {});
  return id;
}

/**
 * A communication drafted by the lead's liaison (on `caseId`, or on a new case of its own), taken
 * as far as `status`: approved by a supervisor, or also sent (the dispatch timer runs at once).
 */
async function communicationOf(
  fixtures: MatrixFixtures,
  status: 'draft' | 'approved' | 'sent',
  caseId?: string,
): Promise<string> {
  const { setUp } = fixtures;
  const drafted = await setUp('state-liaison', 'POST', '/state-communication/communications', {
    caseId: caseId ?? (await caseOnStateFile(fixtures)),
    kind: 'note-verbale',
  });
  const id = drafted.id as string;
  if (status === 'draft') return id;
  await setUp('supervisor', 'POST', `/state-communication/communications/${id}/approve`, {});
  if (status === 'approved') return id;
  await setUp('state-liaison', 'POST', `/state-communication/communications/${id}/dispatch`, {});
  await eventually(
    async () =>
      (await setUp('state-liaison', 'GET', `/state-communication/communications/${id}`)).status === 'sent',
    {
      description: 'the communication to leave',
      timeoutMs: 60_000,
    },
  );
  return id;
}

/** A verification conclusion proposed by the lead's officer, waiting for a supervisor. */
async function pendingApproval(fixtures: MatrixFixtures): Promise<string> {
  const id = await caseInVerification(fixtures);
  const step = (body: unknown) =>
    fixtures.setUp('verification-officer', 'POST', `/verification/cases/${id}/transitions`, body);
  await step({ action: 'begin-screening' });
  await step({ action: 'screen', inScope: true, cooperationCategory: 'a', perpetratorType: 'state' });
  await step({ action: 'assess-risk', risk: 'medium', urgency: 'routine' });
  const proposed = await step({
    action: 'conclude-verification',
    outcome: 'unverified',
    concludedOn: '2026-05-05',
    corroborationIds: [],
  });
  return (proposed.approvals as { id: string; status: string }[]).find(
    (approval) => approval.status === 'pending',
  )!.id;
}

/** The routes every service has: its audit trail and its dead letters. */
const everyServiceRoutes = (service: ServiceName): Record<string, ValidRequestFactory> => ({
  // Filtered by a case: need to know holds for auditors too.
  [`GET /${service}/audit`]: {
    reach: 'case-read',
    build: ({ sharedCase }) => ({
      query: { caseId: sharedCase.id, limit: '5' },
    }),
  },
  [`GET /${service}/audit/export`]: { reach: 'any-entity', build: () => ({}) },
  [`GET /${service}/dead-letters`]: { reach: 'any-entity', build: () => ({}) },
  [`POST /${service}/dead-letters/{id}/replay`]: {
    reach: 'any-entity',
    build: async ({ deadLetter }) => ({
      params: { id: await deadLetter(service) },
    }),
  },
});

export const VALID_REQUESTS: Readonly<Record<string, ValidRequestFactory>> = {
  'POST /intake/allegations': {
    reach: 'any-entity',
    build: () => ({ body: validAllegation }),
  },
  'GET /intake/allegations/{id}': sharedCaseRead,
  'GET /intake/allegations/{id}/consent': sharedCaseRead,
  // A new version that still consents to sharing: no share rests on a consent taken back.
  'POST /intake/allegations/{id}/consent': {
    reach: 'lead-command',
    build: ({ sharedCase }) => ({
      params: { id: sharedCase.id },
      body: CONSENT_TO_SHARE,
    }),
  },
  // A withdrawal revokes the shares resting on the consent: a case of its own, shared with the partner.
  'POST /intake/allegations/{id}/consent/withdrawal': {
    reach: 'lead-command',
    build: async ({ newCase }) => ({
      params: {
        id: await newCase({ consentToShare: true, acceptedByPartner: true }),
      },
      body: {
        withdrawnBy: 'victim',
        withdrawnOn: CONSENT_TO_SHARE.givenOn,
        form: 'oral',
      },
    }),
  },
  'GET /intake/allegations/{id}/shares': sharedCaseRead,
  'POST /intake/allegations/{id}/shares': {
    reach: 'lead-command',
    build: ({ sharedCase }) => ({
      params: { id: sharedCase.id },
      body: {
        entity: BYSTANDER,
        purpose: 'The entity follows up on the allegation',
        scope: 'summary',
      },
    }),
  },
  'POST /intake/allegations/{id}/shares/{shareId}/accept': offerToPartner,
  'POST /intake/allegations/{id}/shares/{shareId}/decline': offerToPartner,
  'POST /intake/allegations/{id}/shares/{shareId}/revoke': {
    reach: 'lead-command',
    build: async ({ sharedCase, steps }) => ({
      params: {
        id: sharedCase.id,
        shareId: await steps.offerShare(sharedCase.id, LEAD, BYSTANDER),
      },
    }),
  },
  // A request moves nothing until it is accepted, and nobody accepts these.
  'POST /intake/allegations/{id}/lead-transfers': {
    reach: 'lead-command',
    build: ({ sharedCase }) => ({
      params: { id: sharedCase.id },
      body: { toEntity: BYSTANDER },
    }),
  },
  'POST /intake/allegations/{id}/lead-transfers/{transferId}/accept': {
    reach: 'answer',
    build: async ({ newCase, steps }) => {
      const id = await newCase();
      return {
        params: {
          id,
          transferId: await steps.requestLeadTransfer(id, LEAD, PARTNER),
        },
      };
    },
  },
  // Evidence is part of the full file, to add as to read: the partner's share covers the summary only.
  'POST /intake/allegations/{id}/attachments': {
    reach: 'full-file-read',
    build: ({ sharedCase }) => ({ params: { id: sharedCase.id }, body: matrixEvidence() }),
  },
  'GET /intake/allegations/{id}/attachments': {
    reach: 'full-file-read',
    build: ({ sharedCase }) => ({ params: { id: sharedCase.id } }),
  },
  'GET /intake/allegations/{id}/attachments/{attachmentId}': {
    reach: 'full-file-read',
    build: async (fixtures) => ({
      params: { id: fixtures.sharedCase.id, attachmentId: await sharedCaseAttachment(fixtures) },
    }),
  },
  'GET /intake/allegations/{id}/identities': {
    reach: 'full-file-read',
    build: ({ sharedCase }) => ({ params: { id: sharedCase.id } }),
  },
  // Erasure is for good: a case of its own for every call.
  'DELETE /intake/allegations/{id}/personal-data': {
    reach: 'lead-command',
    build: async ({ newCase }) => ({
      params: { id: await newCase({ consentToShare: true, acceptedByPartner: true }) },
      body: { reason: 'request-of-the-person', note: 'The person asked in writing.' },
    }),
  },
  // Raising a risk only protects: whoever sees the case may flag it.
  'POST /intake/allegations/{id}/protection-risk': {
    reach: 'case-read',
    build: ({ sharedCase }) => ({
      params: { id: sharedCase.id },
      body: { level: 'high', reason: 'threat-of-further-reprisal', note: 'Flagged by the access matrix.' },
    }),
  },
  'POST /intake/allegations/{id}/protection-risk/lift': {
    reach: 'lead-command',
    build: async ({ newCase, setUp }) => {
      const id = await newCase({ consentToShare: true, acceptedByPartner: true });
      await setUp('supervisor', 'POST', `/intake/allegations/${id}/protection-risk`, {
        level: 'moderate',
        reason: 'family-at-risk',
        note: 'Flagged by the access matrix.',
      });
      return { params: { id }, body: { note: 'Lifted by the access matrix.' } };
    },
  },
  'GET /intake/allegations/{id}/protection-risk': sharedCaseRead,
  'GET /intake/allegations/{id}/possible-duplicates': sharedCaseRead,
  // A decision is for good: a pair of cases of its own for every call.
  'POST /intake/allegations/{id}/possible-duplicates/{otherCaseId}/link': {
    reach: 'lead-command',
    build: (fixtures) => possibleDuplicatePair(fixtures, { reason: 'same-person' }),
  },
  'POST /intake/allegations/{id}/possible-duplicates/{otherCaseId}/dismiss': {
    reach: 'lead-command',
    build: (fixtures) => possibleDuplicatePair(fixtures, { reason: 'common-name' }),
  },
  'GET /intake/states': { reach: 'any-entity', build: () => ({ query: { language: 'fr' } }) },
  // A case of its own per call: each change raises its version.
  'PATCH /intake/allegations/{id}': {
    reach: 'lead-command',
    build: async ({ newCase }) => ({
      params: { id: await newCase({ consentToShare: true, acceptedByPartner: true }) },
      headers: { 'if-match': '"1"' },
      body: { summary: 'Corrected by the access matrix: the review took place in January.' },
    }),
  },
  'GET /intake/allegations': {
    reach: 'any-entity',
    build: ({ sharedCase }) => ({ query: { country: sharedCase.stateConcerned } }),
  },
  'GET /verification/cases/{id}': sharedCaseRead,
  'GET /verification/cases/{id}/decisions': sharedCaseRead,
  'GET /verification/cases': {
    reach: 'any-entity',
    build: ({ sharedCase }) => ({ query: { state: sharedCase.stateConcerned, overdue: 'false' } }),
  },
  // A step of its own case, shared with the partner (who sees it but does not steer it).
  'POST /verification/cases/{id}/transitions': {
    reach: 'lead-command',
    build: async (fixtures) => ({
      params: { id: await caseInVerification(fixtures) },
      body: { action: 'begin-screening' },
    }),
  },
  'GET /verification/approvals': { reach: 'any-entity', build: () => ({}) },
  'POST /state-communication/communications': {
    reach: 'lead-command',
    build: async (fixtures) => ({
      body: { caseId: await caseOnStateFile(fixtures), kind: 'allegation-letter', language: 'es' },
    }),
  },
  'GET /state-communication/communications': {
    reach: 'any-entity',
    build: ({ sharedCase }) => ({ query: { state: sharedCase.stateConcerned } }),
  },
  'GET /state-communication/communications/{id}': {
    reach: 'case-read',
    build: async (fixtures) => ({
      params: { id: await communicationOf(fixtures, 'draft', fixtures.sharedCase.id) },
    }),
  },
  'POST /state-communication/communications/{id}/approve': {
    reach: 'lead-command',
    build: async (fixtures) => ({ params: { id: await communicationOf(fixtures, 'draft') }, body: {} }),
  },
  'POST /state-communication/communications/{id}/dispatch': {
    reach: 'lead-command',
    build: async (fixtures) => ({ params: { id: await communicationOf(fixtures, 'approved') }, body: {} }),
  },
  'POST /state-communication/communications/{id}/replies': {
    reach: 'lead-command',
    build: async (fixtures) => ({
      params: { id: await communicationOf(fixtures, 'sent') },
      body: {
        type: 'acknowledgement',
        receivedOn: new Date().toISOString().slice(0, 10),
        language: 'en',
        assessment: 'responsive',
      },
    }),
  },
  'POST /state-communication/communications/{id}/replies/{replyId}/assessment': {
    reach: 'lead-command',
    build: async (fixtures) => ({
      params: await repliedCommunication(fixtures),
      body: { assessment: 'responsive' },
    }),
  },
  'POST /state-communication/communications/{id}/replies/{replyId}/documents': {
    reach: 'lead-command',
    build: async (fixtures) => ({
      params: await replyOfSentCommunication(fixtures),
      body: matrixReplyDocument(),
    }),
  },
  'GET /state-communication/communications/{id}/replies/{replyId}/documents': {
    reach: 'full-file-read',
    build: async (fixtures) => ({ params: await replyOfSentCommunication(fixtures) }),
  },
  'GET /state-communication/communications/{id}/replies/{replyId}/documents/{documentId}': {
    reach: 'full-file-read',
    build: async (fixtures) => ({
      params: { ...(await replyOfSentCommunication(fixtures)), documentId: await replyDocumentOf(fixtures) },
    }),
  },
  'POST /verification/approvals/{id}/approve': {
    reach: 'lead-command',
    build: async (fixtures) => ({ params: { id: await pendingApproval(fixtures) }, body: {} }),
  },
  'POST /verification/approvals/{id}/reject': {
    reach: 'lead-command',
    build: async (fixtures) => ({
      params: { id: await pendingApproval(fixtures) },
      body: { reason: 'insufficient-corroboration' },
    }),
  },
  'POST /state-communication/calls-for-input': {
    reach: 'any-entity',
    build: () => {
      const year = 1950 + callsForInputOpened++;
      return { body: { periodFrom: `${year}-05-01`, periodTo: `${year + 1}-04-30`, states: ['TUV'] } };
    },
  },
  'GET /state-communication/calls-for-input': {
    reach: 'any-entity',
    build: () => ({ query: { limit: '5' } }),
  },
  'GET /state-communication/calls-for-input/{id}': {
    reach: 'own-entity',
    build: async (fixtures) => ({ params: { id: await callForInputOf(fixtures, 'draft') } }),
  },
  'POST /state-communication/calls-for-input/{id}/approve': {
    reach: 'own-entity',
    build: async (fixtures) => ({ params: { id: await callForInputOf(fixtures, 'draft') }, body: {} }),
  },
  'POST /state-communication/calls-for-input/{id}/dispatch': {
    reach: 'own-entity',
    build: async (fixtures) => ({ params: { id: await callForInputOf(fixtures, 'approved') }, body: {} }),
  },
  // What was sent to the State of the fixtures' cases, as its Permanent Mission reads and answers it.
  'GET /state-communication/mission/communications': { reach: 'any-state', build: () => ({}) },
  'GET /state-communication/mission/communications/{id}': {
    reach: 'own-state',
    build: async (fixtures) => ({ params: { id: await communicationOf(fixtures, 'sent') } }),
  },
  'POST /state-communication/mission/communications/{id}/replies': {
    reach: 'own-state',
    build: async (fixtures) => ({
      params: { id: await communicationOf(fixtures, 'sent') },
      body: { type: 'acknowledgement', language: 'en' },
    }),
  },
  'GET /state-communication/metrics': {
    reach: 'any-entity',
    build: () => ({ query: { from: '2026-01-01', to: '2026-12-31', format: 'csv' } }),
  },
  'GET /state-communication/missions': { reach: 'any-entity', build: () => ({ query: { q: 'tuv' } }) },
  'GET /state-communication/missions/{state}': {
    reach: 'any-entity',
    build: () => ({ params: { state: 'TUV' } }),
  },
  'GET /state-communication/missions/{state}/changes': {
    reach: 'any-entity',
    build: () => ({ params: { state: 'TUV' } }),
  },
  'PUT /state-communication/missions/{state}': {
    reach: 'any-entity',
    build: () => ({
      params: { state: 'TUV' },
      body: { email: 'mission.tuvalu@example.org', note: 'Set by the access matrix' },
    }),
  },
  'GET /state-communication/states/{stateCode}/cases': {
    reach: 'any-entity',
    build: ({ sharedCase }) => ({
      params: { stateCode: sharedCase.stateConcerned },
    }),
  },
  'GET /reporting/cases': {
    reach: 'any-entity',
    build: ({ sharedCase }) => ({
      query: { state: sharedCase.stateConcerned },
    }),
  },
  'GET /reporting/statistics': {
    reach: 'any-entity',
    build: () => ({
      query: { from: '2026-01-01', to: '2026-12-31', groupBy: 'state,gender', format: 'csv' },
    }),
  },
  'POST /reporting/cycles': { reach: 'any-entity', build: () => ({ body: CUSTOM_CYCLE }) },
  'GET /reporting/cycles': { reach: 'any-entity', build: () => ({ query: { limit: '5' } }) },
  'GET /reporting/cycles/{id}': {
    reach: 'any-entity',
    build: async ({ setUp }) => ({ params: { id: await reportingCycle(setUp) } }),
  },
  'POST /reporting/cycles/{id}/compile': {
    reach: 'any-entity',
    build: async ({ setUp }) => ({ params: { id: await reportingCycle(setUp) }, body: {} }),
  },
  'POST /reporting/cycles/{id}/finalise': {
    reach: 'any-entity',
    build: async ({ setUp }) => ({ params: { id: await compiledReportingCycle(setUp) }, body: {} }),
  },
  'GET /reporting/cycles/{id}/versions': {
    reach: 'any-entity',
    build: async ({ setUp }) => ({ params: { id: await reportingCycle(setUp) } }),
  },
  'GET /reporting/cycles/{id}/versions/{version}': {
    reach: 'any-entity',
    build: async ({ setUp }) => ({ params: { id: await finalisedReportingCycle(setUp), version: '1' } }),
  },
  'GET /reporting/cycles/{id}/export': {
    reach: 'any-entity',
    build: async ({ setUp }) => ({
      params: { id: await compiledCycleToExport(setUp) },
      query: { format: 'csv' },
    }),
  },
  'GET /reporting/cases/{id}/timeline': sharedCaseRead,
  'GET /reporting/cases/{id}/audit': sharedCaseRead,
  'GET /intake/entities': { reach: 'any-entity', build: () => ({}) },
  'GET /intake/entities/{code}': { reach: 'any-entity', build: () => ({ params: { code: BYSTANDER } }) },
  'POST /intake/entities': {
    reach: 'any-entity',
    build: () => ({
      body: {
        code: newEntityCode(),
        kind: 'field-presence',
        name: 'Registered by the access matrix',
        parent: 'OHCHR',
      },
    }),
  },
  'PATCH /intake/entities/{code}': {
    reach: 'any-entity',
    build: async ({ setUp }) => ({
      params: { code: await newEntity(setUp) },
      body: { name: 'Renamed by the access matrix' },
    }),
  },
  // On entities of their own: a focal point of the partner would answer the partner's offers alone.
  'PUT /intake/entities/{code}/focal-points/{sub}': {
    reach: 'any-entity',
    build: async ({ setUp }) => ({ params: { code: await newEntity(setUp), sub: 'matrix-focal-point' } }),
  },
  'DELETE /intake/entities/{code}/focal-points/{sub}': {
    reach: 'any-entity',
    build: async ({ setUp }) => {
      const code = await newEntity(setUp);
      await setUp('admin', 'PUT', `/intake/entities/${code}/focal-points/matrix-focal-point`);
      return { params: { code, sub: 'matrix-focal-point' } };
    },
  },
  ...Object.assign({}, ...SERVICE_NAMES.map(everyServiceRoutes)),
};

/**
 * Two new cases of the lead that name one victim no other case names, so that intake pairs
 * them; the second, which the request is about, is shared with and accepted by the partner.
 */
const possibleDuplicatePair = async (
  { setUp, steps }: MatrixFixtures,
  body: { reason: string },
): Promise<ValidRequest> => {
  const victims = [
    { kind: 'individual', name: `Matrix ${randomUUID()}`, ageGroup: 'adult', profile: 'witness' },
  ];
  const record = async (): Promise<string> =>
    (await setUp('intake-officer', 'POST', '/intake/allegations', { ...validAllegation, victims })).id;
  const first = await record();
  const second = await record();
  await steps.answerShare(second, await steps.offerShare(second, LEAD, PARTNER), PARTNER);
  return { params: { id: second, otherCaseId: first }, body };
};

/** A small evidence file, as a form: plain text, of the default allow-list. */
const matrixEvidence = (): FormData =>
  evidenceForm({
    data: Buffer.from('Added by the access matrix.\n'),
    name: 'matrix.txt',
    type: 'text/plain',
  });

/** One attachment of the shared case, added once by the lead, that every download call reads. */
const sharedCaseAttachments = new Map<string, Promise<string>>();
const sharedCaseAttachment = ({ sharedCase, setUp }: MatrixFixtures): Promise<string> => {
  let attachment = sharedCaseAttachments.get(sharedCase.id);
  if (!attachment) {
    attachment = setUp(
      'intake-officer',
      'POST',
      `/intake/allegations/${sharedCase.id}/attachments`,
      matrixEvidence(),
    ).then((added: { id: string }) => added.id);
    sharedCaseAttachments.set(sharedCase.id, attachment);
  }
  return attachment;
};

const newEntityCode = () => `MATRIX-${randomUUID().slice(0, 8).toUpperCase()}`;
/** A field presence of the lead's registered for one call, by an admin. */
const newEntity = async (setUp: MatrixFixtures['setUp']): Promise<string> =>
  (
    await setUp('admin', 'POST', '/intake/entities', {
      code: newEntityCode(),
      kind: 'field-presence',
      name: 'Registered by the access matrix',
      parent: 'OHCHR',
    })
  ).code;

/** What the matrix expects of a call: a 2xx, or a refusal and why. */
export type Expected = { outcome: 'success' } | { outcome: 'refused'; status: 403 | 404; because: string };

/** The answer the policy file (by role) and need to know (by entity) call for. */
export function expectedAnswer(
  policy: AccessPolicy,
  permission: Permission,
  factory: ValidRequestFactory,
  caller: Caller,
): Expected {
  if (!policy.allows({ roles: [caller.role] }, permission)) {
    return {
      outcome: 'refused',
      status: 403,
      because: `the policy does not grant ${permission}`,
    };
  }
  const answer = ANSWERS[factory.reach][caller.standing];
  return answer === 'success'
    ? { outcome: 'success' }
    : {
        outcome: 'refused',
        status: answer,
        because: `${factory.reach} for the ${caller.standing}`,
      };
}

/** The route's path filled with the request's parameters and query; throws when they do not match. */
export function concretePath(routeKey: string, path: string, request: ValidRequest): string {
  const params = { ...request.params };
  const filled = path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${routeKey}: the valid request gives no {${name}}`);
    delete params[name];
    return encodeURIComponent(value);
  });
  const unused = Object.keys(params);
  if (unused.length > 0) throw new Error(`${routeKey}: the path has no {${unused.join('}, {')}}`);
  const query = new URLSearchParams(request.query ?? {}).toString();
  return query ? `${filled}?${query}` : filled;
}
