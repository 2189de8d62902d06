import type {
  AllegationChangedData,
  AllegationReceivedData,
  CommunicationSentData,
  ReplyReceivedData,
} from '@reprisals/contracts';
import {
  allegationChanged,
  allegationReceived,
  leadTransferred,
  personalDataErased,
} from './allegation-facts';
import {
  caseClosed,
  caseScreened,
  responseActionReported,
  riskAssessed,
  verificationConcluded,
} from './protocol-outcome';
import {
  applyToReportCase,
  emptyReportCase,
  reachingStage,
  type ReportCase,
  type ReportCaseChange,
} from './report-case';
import { communicationSent, deadlineMissed, replyReceived } from './state-conversation';

const CASE_ID = '0b7f6a54-2f55-4c38-9d4c-6d1f3a8e2b10';
const ACTION = 'a1111111-1111-4111-8111-111111111111';
const COMMUNICATION = 'c1111111-1111-4111-8111-111111111111';

const received: AllegationReceivedData = {
  caseId: CASE_ID,
  reference: 'REP-2026-000042',
  stateConcerned: 'BLR',
  receivedVia: 'email',
  receivedOn: '2026-05-02',
  leadEntity: 'OHCHR',
  victims: [
    {
      pseudonym: 'V-7KQ2',
      kind: 'individual',
      profile: 'journalist',
      gender: 'woman',
      ageGroup: 'adult',
      organisationType: null,
    },
  ],
  cooperation: { mechanism: 'treaty-body', detail: 'Committee against Torture', category: 'a' },
  acts: [
    { type: 'travel-ban', occurredOn: '2026-04-28', country: 'BLR', online: false, perpetrator: 'state' },
  ],
};

const changedVictims: AllegationChangedData = {
  caseId: CASE_ID,
  allegationVersion: 2,
  changed: ['victims'],
  victims: [
    { ...received.victims[0]!, gender: 'non-binary' },
    {
      pseudonym: 'V-9ZX1',
      kind: 'organisation',
      profile: null,
      gender: null,
      ageGroup: null,
      organisationType: 'ngo',
    },
  ],
};

/** Applies changes in order, each at its instant. */
function replay(steps: Array<[ReportCaseChange, string]>, start: ReportCase = emptyReportCase(CASE_ID)) {
  return steps.reduce((current, [change, at]) => applyToReportCase(current, change, at), start);
}

/** Every order of a list (for a handful of steps). */
function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    orders([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('a case as statistics count it', () => {
  it('given AllegationReceived, when applied, then the row holds its reception and categories, and not the cooperation detail nor the act country', () => {
    const reported = replay([[allegationReceived(received), '2026-05-02T10:00:00.000Z']]);

    expect(reported).toMatchObject({
      reference: 'REP-2026-000042',
      stateConcerned: 'BLR',
      leadEntity: 'OHCHR',
      receivedOn: '2026-05-02',
      mechanism: 'treaty-body',
      category: 'a',
      victims: [received.victims[0]],
      acts: [{ type: 'travel-ban', occurredOn: '2026-04-28', online: false, perpetrator: 'state' }],
      factVersions: { victims: 1, acts: 1, cooperation: 1 },
      lastEventAt: '2026-05-02T10:00:00.000Z',
    });
    expect(JSON.stringify(reported)).not.toContain('Committee against Torture');
    expect(reported.acts[0]).not.toHaveProperty('country');
  });

  it('given every event of a case, when each is applied twice, then the row is the same as when applied once', () => {
    const steps: Array<[ReportCaseChange, string]> = [
      [allegationReceived(received), '2026-05-02T10:00:00.000Z'],
      [allegationChanged(changedVictims), '2026-05-03T10:00:00.000Z'],
      [
        leadTransferred({ caseId: CASE_ID, transferId: ACTION, fromEntity: 'OHCHR', toEntity: 'UNHCR' }),
        '2026-05-04T10:00:00.000Z',
      ],
      [
        caseScreened({ caseId: CASE_ID, inScope: true, stage: 'risk-assessment' }),
        '2026-05-05T10:00:00.000Z',
      ],
      [
        riskAssessed({
          caseId: CASE_ID,
          risk: 'high',
          urgency: 'urgent',
          track: 'urgent',
          stage: 'verification',
        }),
        '2026-05-05T11:00:00.000Z',
      ],
      [
        verificationConcluded({
          caseId: CASE_ID,
          outcome: 'verified',
          concludedOn: '2026-05-06',
          corroborationIds: [],
          lateForCycle: null,
          stage: 'response-decision',
        }),
        '2026-05-06T10:00:00.000Z',
      ],
      [responseActionReported({ id: ACTION, status: 'approved' }), '2026-05-07T10:00:00.000Z'],
      [
        responseActionReported({ id: ACTION, type: 'private-engagement', status: 'decided' }),
        '2026-05-07T10:00:00.000Z',
      ],
      [communicationSent(sent(COMMUNICATION)), '2026-05-08T10:00:00.000Z'],
      [
        deadlineMissed({
          caseId: CASE_ID,
          communicationId: COMMUNICATION,
          stateConcerned: 'BLR',
          deadline: '2026-07-07',
        }),
        '2026-07-20T00:00:00.000Z',
      ],
      [
        replyReceived(reply('d2222222-2222-4222-8222-222222222222', '2026-07-21')),
        '2026-07-21T10:00:00.000Z',
      ],
      [caseClosed(), '2026-08-01T10:00:00.000Z'],
      [personalDataErased(), '2026-09-01T10:00:00.000Z'],
    ];

    const once = replay(steps);
    const twice = replay(steps.flatMap((step) => [step, step]));

    expect(twice).toEqual(once);
    expect(once).toMatchObject({
      leadEntity: 'UNHCR',
      screeningScope: 'in-scope',
      riskLevel: 'high',
      verificationOutcome: 'verified',
      verificationConcludedOn: '2026-05-06',
      responseActions: [
        { id: ACTION, type: 'private-engagement', status: 'decided', decidedOn: '2026-05-07' },
      ],
      sentCommunicationIds: [COMMUNICATION],
      missedDeadlineCommunicationIds: [COMMUNICATION],
      stateReplies: [{ type: 'acknowledgement', receivedOn: '2026-07-21' }],
      closed: true,
      personalDataErased: true,
      lastEventAt: '2026-09-01T10:00:00.000Z',
    });
  });

  it('given the events of a case in every order, when applied, then the row is the same', () => {
    const steps: Array<[ReportCaseChange, string]> = [
      [allegationReceived(received), '2026-05-02T10:00:00.000Z'],
      [allegationChanged(changedVictims), '2026-05-03T10:00:00.000Z'],
      [
        verificationConcluded({
          caseId: CASE_ID,
          outcome: 'credible-not-verified',
          concludedOn: '2026-05-06',
          corroborationIds: [],
          lateForCycle: '2025-2026',
          stage: 'response-decision',
        }),
        '2026-05-06T10:00:00.000Z',
      ],
      [
        responseActionReported({ id: ACTION, type: 'urgent-appeal', status: 'decided' }),
        '2026-05-07T10:00:00.000Z',
      ],
      [responseActionReported({ id: ACTION, status: 'completed' }), '2026-06-07T10:00:00.000Z'],
    ];

    const rows = orders(steps).map((order) => replay(order));

    for (const row of rows) expect(row).toEqual(rows[0]);
    expect(rows[0]).toMatchObject({
      victims: changedVictims.victims,
      factVersions: { victims: 2, acts: 1, cooperation: 1 },
      verificationOutcome: 'credible-not-verified',
      verificationLateForCycle: '2025-2026',
      responseActions: [{ id: ACTION, type: 'urgent-appeal', status: 'completed', decidedOn: '2026-05-07' }],
    });
  });

  it('given the protocol’s steps in any order, when applied, then the case is at the furthest stage they told of', () => {
    const screened: [ReportCaseChange, string] = [
      reachingStage(
        caseScreened({ caseId: CASE_ID, inScope: true, stage: 'risk-assessment' }),
        'risk-assessment',
      ),
      '2026-05-03T10:00:00.000Z',
    ];
    const decided: [ReportCaseChange, string] = [
      reachingStage(
        responseActionReported({ id: ACTION, type: 'monitoring', status: 'decided' }),
        'follow-up',
      ),
      '2026-05-07T10:00:00.000Z',
    ];
    const closed: [ReportCaseChange, string] = [
      reachingStage(caseClosed(), 'closed'),
      '2026-08-01T10:00:00.000Z',
    ];
    // An action decided by an older verification, whose event does not carry the stage.
    const withoutStage: [ReportCaseChange, string] = [
      reachingStage(responseActionReported({ id: ACTION, status: 'approved' }), undefined),
      '2026-05-07T09:00:00.000Z',
    ];

    expect(replay([screened, decided]).stage).toBe('follow-up');
    expect(replay([decided, screened]).stage).toBe('follow-up');
    expect(replay([closed, screened, withoutStage, decided]).stage).toBe('closed');
    expect(replay([withoutStage]).stage).toBeNull();
  });

  it('given a verification step before the allegation, when applied, then a partial row waits for the reception', () => {
    const early = replay([
      [caseScreened({ caseId: CASE_ID, inScope: false, stage: 'closed' }), '2026-05-05T10:00:00.000Z'],
    ]);

    expect(early).toMatchObject({ receivedOn: null, reference: null, screeningScope: 'out-of-scope' });
    expect(replay([[allegationReceived(received), '2026-05-02T10:00:00.000Z']], early)).toMatchObject({
      receivedOn: '2026-05-02',
      screeningScope: 'out-of-scope',
      lastEventAt: '2026-05-05T10:00:00.000Z',
    });
  });

  it('given two screenings, when the older arrives last, then the later one stands', () => {
    const row = replay([
      [
        caseScreened({ caseId: CASE_ID, inScope: true, stage: 'risk-assessment' }),
        '2026-06-01T10:00:00.000Z',
      ],
      [caseScreened({ caseId: CASE_ID, inScope: false, stage: 'closed' }), '2026-05-01T10:00:00.000Z'],
    ]);

    expect(row.screeningScope).toBe('in-scope');
  });

  it('given a transfer known before the reception, when the reception arrives, then the transferee stays the lead', () => {
    const row = replay([
      [
        leadTransferred({ caseId: CASE_ID, transferId: ACTION, fromEntity: 'OHCHR', toEntity: 'UNHCR' }),
        '2026-05-04T10:00:00.000Z',
      ],
      [allegationReceived(received), '2026-05-02T10:00:00.000Z'],
    ]);

    expect(row.leadEntity).toBe('UNHCR');
  });

  it('given an action cancelled and another completed, when reported in any order, then neither goes back to decided', () => {
    const other = 'b2222222-2222-4222-8222-222222222222';
    const row = replay([
      [responseActionReported({ id: ACTION, status: 'cancelled' }), '2026-05-08T10:00:00.000Z'],
      [responseActionReported({ id: other, status: 'completed' }), '2026-05-09T10:00:00.000Z'],
      [
        responseActionReported({ id: ACTION, type: 'public-statement', status: 'decided' }),
        '2026-05-07T10:00:00.000Z',
      ],
      [
        responseActionReported({ id: other, type: 'monitoring', status: 'decided' }),
        '2026-05-07T10:00:00.000Z',
      ],
    ]);

    expect(row.responseActions).toEqual([
      { id: ACTION, type: 'public-statement', status: 'cancelled', decidedOn: '2026-05-07' },
      { id: other, type: 'monitoring', status: 'completed', decidedOn: '2026-05-07' },
    ]);
  });

  it('given two replies, when the later arrives first, then the first reply is the earliest received', () => {
    const row = replay([
      [
        replyReceived(reply('e9999999-9999-4999-8999-999999999999', '2026-08-01', 'substantive-reply')),
        '2026-08-01T10:00:00.000Z',
      ],
      [
        replyReceived(reply('d2222222-2222-4222-8222-222222222222', '2026-07-21')),
        '2026-07-21T10:00:00.000Z',
      ],
    ]);

    expect(row.stateReplies.map((entry) => entry.type)).toEqual(['acknowledgement', 'substantive-reply']);
  });

  it('given erased personal data, when the allegation is received again or changed, then the victims stay without pseudonyms and their categories stay', () => {
    const row = replay([
      [allegationReceived(received), '2026-05-02T10:00:00.000Z'],
      [personalDataErased(), '2026-09-01T10:00:00.000Z'],
      [allegationChanged({ ...changedVictims, allegationVersion: 3 }), '2026-09-02T10:00:00.000Z'],
    ]);

    expect(row.victims.map((victim) => victim.pseudonym)).toEqual([null, null]);
    expect(row.victims.map((victim) => victim.gender)).toEqual(['non-binary', null]);
    expect(row.receivedOn).toBe('2026-05-02');
  });
});

function sent(communicationId: string): CommunicationSentData {
  return {
    caseId: CASE_ID,
    communicationId,
    kind: 'note-verbale',
    stateConcerned: 'BLR',
    sentOn: '2026-05-08',
    replyDueOn: '2026-07-07',
  };
}

function reply(
  replyId: string,
  receivedOn: string,
  replyType: ReplyReceivedData['replyType'] = 'acknowledgement',
): ReplyReceivedData {
  return {
    caseId: CASE_ID,
    communicationId: COMMUNICATION,
    replyId,
    stateConcerned: 'BLR',
    replyType,
    receivedOn,
  };
}
