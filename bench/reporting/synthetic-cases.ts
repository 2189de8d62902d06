/**
 * Synthetic cases as the other services would tell reporting of them: for each case, about ten
 * events of the real contracts (allegation, consent, screening, risk, corroboration, conclusion,
 * response actions, communications with the State and its reply or silence, protection flags,
 * withdrawals, closing), dated along the life of the case. Deterministic: case `index` under one
 * seed is always the same case. Fictional pseudonyms only; States from the UN list.
 */
import {
  ACT_TYPES,
  AGE_GROUPS,
  AllegationChanged,
  AllegationReceived,
  CaseClosed,
  CaseScreened,
  CommunicationSent,
  ConsentRecorded,
  ConsentWithdrawn,
  CorroborationRecorded,
  CORROBORATION_KINDS,
  createEvent,
  DeadlineMissed,
  INFORMATION_CREDIBILITIES,
  INTAKE_CHANNELS,
  LeadTransferred,
  ORGANISATION_TYPES,
  ProtectionRiskFlagged,
  PROTECTION_RISK_REASONS,
  ReplyReceived,
  ResponseActionApproved,
  ResponseActionCompleted,
  ResponseActionDecided,
  ResponseActionProposed,
  RESPONSE_ACTION_TYPES,
  RiskAssessed,
  SOURCE_RELIABILITIES,
  STATE_REPLY_TYPES,
  VerificationCaseOpened,
  VerificationConcluded,
  VICTIM_PROFILES,
  type ActorRef,
  type AllegationReceivedData,
  type CaseCommunicationKind,
  type DataOf,
  type EventDefinition,
  type IntegrationEvent,
  type ProtectionRisk,
  type ResponseActionType,
  type VerificationOutcome,
} from '@reprisals/contracts';
import { UN_STATES } from '@reprisals/un-states';
import { SeededRandom } from '@reprisals/testing';

/** The first and last day a synthetic case may be received, and the day nothing happens after. */
export const RECEIVED_FROM = '2024-05-01';
export const RECEIVED_TO = '2026-10-31';
export const TODAY = '2026-11-29';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse(`${RECEIVED_FROM}T00:00:00Z`);
const RECEPTION_DAYS = (Date.parse(`${RECEIVED_TO}T00:00:00Z`) - FIRST_DAY) / DAY_MS + 1;
const END = Date.parse(`${TODAY}T23:59:59Z`);
const PROTOCOL = 'response-protocol/v1';
const ENTITIES = ['OHCHR', 'SPECIAL-PROCEDURES', 'TREATY-BODIES', 'UNDP', 'UNHCR'] as const;

/**
 * A few States concern many cases, most concern a few: each State's weight falls with a rank
 * spread over the list, so that statistics by State have both large and small cells.
 */
const STATE_WEIGHTS: ReadonlyArray<readonly [string, number]> = UN_STATES.map((state, index) => [
  state.alpha3,
  1 / (((index * 37) % UN_STATES.length) + 1) ** 0.9,
]);

export interface SyntheticCase {
  caseId: string;
  events: IntegrationEvent[];
}

/** The events of case `index` under `seed`, in the order they happened. */
export function syntheticCase(seed: number, index: number): SyntheticCase {
  const random = new SeededRandom((seed * 2_654_435_761 + index * 40_503 + 1) >>> 0);
  const caseId = random.uuid();
  const receivedAt =
    FIRST_DAY + random.integer(0, RECEPTION_DAYS - 1) * DAY_MS + random.integer(7, 18) * 3_600_000;
  const receivedOn = day(receivedAt);
  const stateConcerned = random.weighted(STATE_WEIGHTS);
  const leadEntity = random.weighted(ENTITIES.map((entity, rank) => [entity, 1 / (rank + 1)] as const));
  const events: IntegrationEvent[] = [];
  const officer: ActorRef = {
    kind: 'user',
    sub: `officer-${random.integer(1, 60)}`,
    entity: leadEntity,
    role: 'intake-officer',
  };
  const verifier: ActorRef = {
    kind: 'user',
    sub: `officer-${random.integer(61, 120)}`,
    entity: leadEntity,
    role: 'case-officer',
  };
  const system = (service: 'verification' | 'state-communication'): ActorRef => ({
    kind: 'system',
    service,
    entity: leadEntity,
  });
  const add = <TDef extends EventDefinition>(
    definition: TDef,
    data: DataOf<TDef>,
    at: number,
    actor: ActorRef,
    policyVersion?: string,
  ): boolean => {
    if (at > END) return false;
    const event = createEvent(definition, data, {
      caseId,
      actor,
      occurredAt: new Date(at),
      correlationId: random.uuid(),
      ...(policyVersion ? { policyVersion } : {}),
    });
    events.push({ ...event, metadata: { ...event.metadata, eventId: random.uuid() } });
    return true;
  };
  const later = (from: number, minDays: number, maxDays: number): number =>
    from + random.integer(minDays * 24, maxDays * 24) * 3_600_000 + random.integer(0, 3_599_999);

  const received: AllegationReceivedData = {
    caseId,
    reference: `REP-${receivedOn.slice(0, 4)}-${String((index % 999_999) + 1).padStart(6, '0')}`,
    stateConcerned,
    receivedVia: random.pick(INTAKE_CHANNELS),
    receivedOn,
    leadEntity,
    victims: Array.from(
      {
        length: random.weighted([
          [1, 80],
          [2, 15],
          [3, 5],
        ] as const),
      },
      () => victimOf(random),
    ),
    cooperation: random.chance(0.95)
      ? {
          mechanism: random.weighted([
            ['human-rights-council', 20],
            ['universal-periodic-review', 15],
            ['special-procedure', 25],
            ['treaty-body', 20],
            ['ohchr-or-field-presence', 10],
            ['peace-operation', 4],
            ['security-council', 2],
            ['un-agency', 3],
            ['regional-mechanism', 1],
          ] as const),
          detail: null,
          category: random.weighted([
            ['a', 60],
            ['b', 20],
            ['c', 15],
            ['d', 5],
          ] as const),
        }
      : null,
    acts: Array.from(
      {
        length: random.weighted([
          [1, 55],
          [2, 30],
          [3, 15],
        ] as const),
      },
      () => ({
        type: random.pick(ACT_TYPES),
        occurredOn: random.chance(0.9) ? day(receivedAt - random.integer(1, 90) * DAY_MS) : null,
        country: stateConcerned,
        online: random.chance(0.3),
        perpetrator: random.weighted([
          ['state', 70],
          ['non-state', 15],
          ['unknown', 15],
        ] as const),
      }),
    ),
  };
  add(AllegationReceived, received, receivedAt, officer);
  if (random.chance(0.9))
    add(
      ConsentRecorded,
      {
        caseId,
        consentVersion: 1,
        scopes: {
          raiseWithState: random.weighted([
            ['named', 40],
            ['anonymous', 40],
            ['no', 20],
          ] as const),
          shareWithUnEntities: random.chance(0.8) ? 'yes' : 'no',
          publish: random.weighted([
            ['named', 40],
            ['anonymous', 35],
            ['no', 25],
          ] as const),
        },
        givenBy: random.weighted([
          ['victim', 80],
          ['family', 10],
          ['representative', 8],
          ['organisation', 2],
        ] as const),
        givenOn: receivedOn,
        form: random.pick(['written', 'oral', 'recorded'] as const),
      },
      later(receivedAt, 0, 3),
      officer,
    );
  const openedAt = receivedAt + random.integer(1, 600) * 1_000;
  add(
    VerificationCaseOpened,
    {
      caseId,
      reference: received.reference,
      stateConcerned,
      leadEntity,
      stage: 'screening',
      protocolVersion: PROTOCOL,
    },
    openedAt,
    system('verification'),
    PROTOCOL,
  );
  if (random.chance(0.05))
    add(
      AllegationChanged,
      {
        caseId,
        allegationVersion: 2,
        changed: ['victims'],
        victims: [...received.victims, victimOf(random)],
      },
      later(receivedAt, 1, 20),
      officer,
    );
  if (random.chance(0.02))
    add(
      LeadTransferred,
      { caseId, transferId: random.uuid(), fromEntity: leadEntity, toEntity: 'OHCHR' },
      later(receivedAt, 2, 30),
      officer,
    );

  const screenedAt = later(receivedAt, 2, 15);
  const inScope = random.chance(0.85);
  if (
    !add(
      CaseScreened,
      inScope
        ? { caseId, inScope, stage: 'risk-assessment' }
        : { caseId, inScope, outOfScopeReason: 'no-cooperation-nexus', referral: 'none', stage: 'closed' },
      screenedAt,
      verifier,
      PROTOCOL,
    )
  )
    return { caseId, events };
  if (!inScope) {
    add(CaseClosed, { caseId, reason: 'out-of-scope' }, later(screenedAt, 0, 2), verifier, PROTOCOL);
    return { caseId, events };
  }
  const risk = random.weighted<ProtectionRisk>([
    ['low', 35],
    ['medium', 35],
    ['high', 22],
    ['critical', 8],
  ]);
  const assessedAt = later(screenedAt, 0, 7);
  add(
    RiskAssessed,
    {
      caseId,
      risk,
      urgency: risk === 'critical' ? 'imminent' : risk === 'high' ? 'urgent' : 'routine',
      track: risk === 'critical' ? 'urgent' : 'standard',
      stage: 'verification',
    },
    assessedAt,
    verifier,
    PROTOCOL,
  );
  if ((risk === 'high' || risk === 'critical') && random.chance(0.35))
    add(
      ProtectionRiskFlagged,
      {
        caseId,
        flagVersion: 1,
        level: risk === 'critical' ? 'severe' : 'high',
        reason: random.pick(PROTECTION_RISK_REASONS),
      },
      later(assessedAt, 0, 2),
      officer,
    );

  const corroborationIds: string[] = [];
  let step = assessedAt;
  for (let count = random.integer(0, 2); count > 0; count -= 1) {
    const corroborationId = random.uuid();
    step = later(step, 3, 40);
    if (
      add(
        CorroborationRecorded,
        {
          caseId,
          corroborationId,
          kind: random.pick(CORROBORATION_KINDS),
          reliability: random.pick(SOURCE_RELIABILITIES),
          credibility: random.pick(INFORMATION_CREDIBILITIES),
        },
        step,
        verifier,
        PROTOCOL,
      )
    )
      corroborationIds.push(corroborationId);
  }
  if (random.chance(0.85)) {
    const concludedAt = later(step, 10, 150);
    const outcome = random.weighted<VerificationOutcome>([
      ['verified', 45],
      ['credible-not-verified', 30],
      ['unverified', 15],
      ['rejected', 7],
      ['falsely-attributed', 3],
    ]);
    add(
      VerificationConcluded,
      {
        caseId,
        outcome,
        concludedOn: day(concludedAt),
        corroborationIds,
        lateForCycle: null,
        stage: 'response-decision',
      },
      concludedAt,
      verifier,
      PROTOCOL,
    );
  }

  let actionAt = later(assessedAt, 1, 30);
  for (
    let actions = random.weighted([
      [0, 30],
      [1, 50],
      [2, 20],
    ] as const);
    actions > 0;
    actions -= 1
  ) {
    const responseActionId = random.uuid();
    const actionType = random.weighted<ResponseActionType>(
      RESPONSE_ACTION_TYPES.map((type, rank) => [type, 1 / (rank + 1)] as const),
    );
    const stateFacing = [
      'private-engagement',
      'urgent-appeal',
      'allegation-letter',
      'senior-engagement',
    ].includes(actionType);
    const action = {
      caseId,
      responseActionId,
      actionType,
      reach: stateFacing ? ('state' as const) : ('internal' as const),
      priority: risk === 'critical' ? ('urgent' as const) : ('routine' as const),
      ownerEntity: leadEntity,
      ladderLevel: stateFacing ? random.integer(1, 4) : null,
      consentOverridden: false,
    };
    if (!add(ResponseActionProposed, { ...action, needsApproval: true }, actionAt, verifier, PROTOCOL)) break;
    const approvedAt = later(actionAt, 0, 5);
    add(
      ResponseActionApproved,
      { caseId, responseActionId, approvalId: random.uuid() },
      approvedAt,
      verifier,
      PROTOCOL,
    );
    const decidedAt = approvedAt + random.integer(1, 3_600) * 1_000;
    if (
      !add(
        ResponseActionDecided,
        {
          ...action,
          stateConcerned,
          track: risk === 'critical' ? 'urgent' : 'standard',
          nextReviewOn: day(decidedAt + 30 * DAY_MS),
        },
        decidedAt,
        verifier,
        PROTOCOL,
      )
    )
      break;
    if (stateFacing) {
      const communicationId = random.uuid();
      const sentAt = later(decidedAt, 1, 10);
      const replyDueAt = sentAt + 60 * DAY_MS;
      const kind: CaseCommunicationKind =
        actionType === 'urgent-appeal'
          ? 'urgent-appeal'
          : actionType === 'allegation-letter'
            ? 'allegation-letter'
            : actionType === 'senior-engagement'
              ? 'senior-letter'
              : 'note-verbale';
      if (
        add(
          CommunicationSent,
          {
            caseId,
            communicationId,
            kind,
            stateConcerned,
            sentOn: day(sentAt),
            replyDueOn: day(replyDueAt),
            responseActionId,
          },
          sentAt,
          system('state-communication'),
        )
      ) {
        if (random.chance(0.55))
          add(
            ReplyReceived,
            {
              caseId,
              communicationId,
              replyId: random.uuid(),
              stateConcerned,
              replyType: random.pick(STATE_REPLY_TYPES),
              receivedOn: day(later(sentAt, 5, 90)),
              responseActionId,
            },
            later(sentAt, 5, 90),
            officer,
          );
        else
          add(
            DeadlineMissed,
            { caseId, communicationId, stateConcerned, deadline: day(replyDueAt), responseActionId },
            replyDueAt + DAY_MS,
            system('state-communication'),
          );
      }
    }
    if (random.chance(0.3))
      add(
        ResponseActionCompleted,
        {
          caseId,
          responseActionId,
          impact: random.pick(['improved', 'no-change', 'worsened', 'unknown'] as const),
        },
        later(decidedAt, 20, 120),
        verifier,
        PROTOCOL,
      );
    actionAt = later(decidedAt, 5, 60);
  }
  if (random.chance(0.03))
    add(
      ConsentWithdrawn,
      {
        caseId,
        consentVersion: 2,
        withdrawnBy: 'victim',
        withdrawnOn: day(later(receivedAt, 30, 200)),
        form: 'written',
      },
      later(receivedAt, 30, 200),
      officer,
    );
  if (random.chance(0.3))
    add(CaseClosed, { caseId, reason: 'resolved' }, later(actionAt, 10, 200), verifier, PROTOCOL);
  events.sort((a, b) => a.metadata.occurredAt.localeCompare(b.metadata.occurredAt));
  return { caseId, events };
}

function victimOf(random: SeededRandom): AllegationReceivedData['victims'][number] {
  const pseudonym = `V-${Array.from({ length: 4 }, () => random.pick([...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).join('')}`;
  if (random.chance(0.1))
    return {
      pseudonym,
      kind: 'organisation',
      profile: null,
      gender: null,
      ageGroup: null,
      organisationType: random.pick(ORGANISATION_TYPES),
    };
  return {
    pseudonym,
    kind: 'individual',
    profile: random.chance(0.05) ? null : random.pick(VICTIM_PROFILES),
    gender: random.weighted([
      ['woman', 45],
      ['man', 45],
      ['non-binary', 2],
      ['undisclosed', 8],
    ] as const),
    ageGroup: random.pick(AGE_GROUPS),
    organisationType: null,
  };
}

const day = (at: number): string => new Date(at).toISOString().slice(0, 10);
