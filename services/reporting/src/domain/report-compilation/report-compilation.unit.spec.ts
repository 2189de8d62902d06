import type { CaseForReport } from './case-for-report';
import { compileReport, summaryOf } from './report-compilation';
import { annualReportCycleOf } from './reporting-cycle';

const RULES = {
  reportableOutcomes: ['verified', 'credible-not-verified'],
  presidentBriefing: { broughtToAttentionBy: ['hrc-president-good-offices'], verificationRequired: false },
};
const ANNUAL = { periodStarts: '05-01', cutOffDaysAfterPeriodEnd: 0 };
const CYCLE = annualReportCycleOf('2026-11-29', ANNUAL);
const NEXT = annualReportCycleOf('2027-05-01', ANNUAL);

let next = 0;
/** A case received on `receivedOn`, in scope, verified two months later, consent to publish named. */
function reportable(overrides: Partial<CaseForReport> = {}): CaseForReport {
  next += 1;
  const receivedOn = overrides.receivedOn ?? '2026-06-10';
  return {
    caseId: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    reference: `REP-2026-${String(next).padStart(6, '0')}`,
    stateConcerned: 'BLR',
    receivedOn,
    victims: [{ kind: 'individual', profile: 'human-rights-defender' }],
    acts: [
      { type: 'travel-ban', occurredOn: '2026-05-28', online: false, perpetrator: 'state' },
      { type: 'online-harassment', occurredOn: null, online: true, perpetrator: 'unknown' },
    ],
    cooperation: { mechanism: 'universal-periodic-review', category: 'a' },
    scope: 'in',
    verification: { outcome: 'verified', concludedOn: '2026-08-10' },
    publication: 'named',
    protectionFlagged: false,
    actions: [{ type: 'private-engagement', status: 'decided', decidedOn: '2026-08-20' }],
    stateReplies: [],
    includedIn: [],
    ...overrides,
  };
}

describe('the annual report of the Secretary-General, compiled', () => {
  it('given a day, when its cycle is asked for, then the period runs 1 May to 30 April and is cut off at its end', () => {
    expect(CYCLE).toMatchObject({ periodFrom: '2026-05-01', periodTo: '2027-04-30', cutOff: '2027-04-30' });
    expect(annualReportCycleOf('2026-04-30', ANNUAL)).toMatchObject({
      periodFrom: '2025-05-01',
      periodTo: '2026-04-30',
    });
    expect(annualReportCycleOf('2026-04-30', { ...ANNUAL, cutOffDaysAfterPeriodEnd: 31 }).cutOff).toBe(
      '2026-05-31',
    );
  });

  it('given a verified case of the period with consent to publish, when compiled, then it is in annex I with its acts, the action taken and the State’s reply', () => {
    const reported = reportable({
      stateReplies: [{ type: 'rejection-of-allegation', receivedOn: '2026-09-15' }],
    });

    const draft = compileReport([reported], CYCLE, RULES);

    expect(draft.exclusions).toEqual([]);
    expect(draft.annexI).toEqual([
      {
        caseId: reported.caseId,
        stateConcerned: 'BLR',
        anonymised: false,
        summary:
          'A human rights defender who cooperated with the universal periodic review (resolution 54/24, para. 4 (a)) was reportedly subjected to a travel ban and online harassment.',
        mechanism: 'universal-periodic-review',
        category: 'a',
        acts: ['travel-ban', 'online-harassment'],
        actionsTaken: ['private-engagement'],
        stateResponse: { type: 'rejection-of-allegation', receivedOn: '2026-09-15' },
      },
    ]);
  });

  it.each([
    ['out of scope', { scope: 'out' as const }, 'out-of-scope'],
    ['flagged for protection', { protectionFlagged: true }, 'protection-risk'],
    ['without consent to publish (or withdrawn)', { publication: 'no' as const }, 'no-publication-consent'],
    ['not verified yet', { verification: null }, 'not-verified-by-cut-off'],
    [
      'concluded after the cut-off',
      { verification: { outcome: 'verified', concludedOn: '2027-05-02' } },
      'late-verification',
    ],
    [
      'found unverified',
      { verification: { outcome: 'unverified', concludedOn: '2026-08-10' } },
      'verification-below-threshold',
    ],
  ])(
    'given a case %s, when compiled, then it is left out and the draft says why',
    (_case, overrides, reason) => {
      const reported = reportable(overrides);

      const draft = compileReport([reported], CYCLE, RULES);

      expect(draft.annexI).toEqual([]);
      expect(draft.exclusions).toEqual([
        expect.objectContaining({
          caseId: reported.caseId,
          annex: 'I',
          reason,
          explanation: expect.any(String),
        }),
      ]);
    },
  );

  it('given consent to publish anonymously, when compiled, then the entry keeps the State, the action and the response, and drops what could single the person out', () => {
    const facts = { stateReplies: [{ type: 'acknowledgement', receivedOn: '2026-09-01' }] };
    const named = compileReport([reportable(facts)], CYCLE, RULES).annexI[0]!;
    const anonymous = compileReport([reportable({ ...facts, publication: 'anonymous' })], CYCLE, RULES)
      .annexI[0]!;

    expect(anonymous).toMatchObject({
      anonymised: true,
      stateConcerned: 'BLR',
      summary:
        'A person who cooperated with the United Nations was reportedly subjected to intimidation or reprisal.',
      mechanism: null,
      category: null,
      acts: [],
      actionsTaken: named.actionsTaken,
      stateResponse: named.stateResponse,
    });
    expect(named.summary).toContain('human rights defender');
  });

  it('given an earlier report’s case whose only development was cancelled, when compiled, then it is not followed in annex II', () => {
    const cancelledOnly = reportable({
      receivedOn: '2025-09-01',
      verification: { outcome: 'verified', concludedOn: '2025-11-01' },
      includedIn: ['A/HRC/60/30'],
      actions: [{ type: 'follow-up', status: 'cancelled', decidedOn: '2026-07-01' }],
    });

    expect(compileReport([cancelledOnly], CYCLE, RULES)).toEqual({ annexI: [], annexII: [], exclusions: [] });
  });

  it('given a reply after the cut-off, when compiled, then the entry says no response was received by the cut-off', () => {
    const draft = compileReport(
      [reportable({ stateReplies: [{ type: 'substantive-reply', receivedOn: '2027-05-03' }] })],
      CYCLE,
      RULES,
    );

    expect(draft.annexI[0]!.stateResponse).toBe('no-response-by-cut-off');
  });

  it('given a case concluded after the cut-off, when the next cycle is compiled, then it appears there in annex I', () => {
    const late = reportable({
      receivedOn: '2027-03-01',
      verification: { outcome: 'verified', concludedOn: '2027-05-20' },
    });

    expect(compileReport([late], CYCLE, RULES).exclusions.map((exclusion) => exclusion.reason)).toEqual([
      'late-verification',
    ]);
    expect(compileReport([late], NEXT, RULES).annexI.map((entry) => entry.caseId)).toEqual([late.caseId]);
  });

  it('given a case of an earlier report, when something happened in the period, then it is in annex II with that only; when consent was withdrawn since, it is left out', () => {
    const earlier = {
      receivedOn: '2025-09-01',
      verification: { outcome: 'verified', concludedOn: '2025-11-01' },
      includedIn: ['A/HRC/60/30'],
      actions: [
        { type: 'private-engagement', status: 'decided', decidedOn: '2025-12-01' },
        { type: 'follow-up', status: 'decided', decidedOn: '2026-07-01' },
      ],
      stateReplies: [{ type: 'information-on-measures-taken', receivedOn: '2026-08-01' }],
    };
    const followed = reportable(earlier);
    const quiet = reportable({ ...earlier, actions: [earlier.actions[0]!], stateReplies: [] });
    const withdrawn = reportable({ ...earlier, publication: 'no' });

    const draft = compileReport([followed, quiet, withdrawn], CYCLE, RULES);

    expect(draft.annexI).toEqual([]);
    expect(draft.annexII).toEqual([
      expect.objectContaining({
        caseId: followed.caseId,
        actionsTaken: ['follow-up'],
        stateResponse: { type: 'information-on-measures-taken', receivedOn: '2026-08-01' },
      }),
    ]);
    expect(draft.exclusions).toEqual([
      expect.objectContaining({ caseId: withdrawn.caseId, annex: 'II', reason: 'no-publication-consent' }),
    ]);
  });

  it('given identical facts for two States, when compiled, then their entries differ by the State alone', () => {
    const facts = { receivedOn: '2026-07-01' };
    const [belarus, nicaragua] = [reportable({ ...facts }), reportable({ ...facts, stateConcerned: 'NIC' })];

    const { annexI } = compileReport([nicaragua, belarus], CYCLE, RULES);

    const withoutWho = ({ caseId: _caseId, stateConcerned: _state, ...entry }: (typeof annexI)[number]) =>
      entry;
    expect(annexI.map((entry) => entry.stateConcerned)).toEqual(['BLR', 'NIC']);
    expect(withoutWho(annexI[0]!)).toEqual(withoutWho(annexI[1]!));
  });

  it('given an organisation, when summarised, then it reads as an organisation and names no one', () => {
    const summary = summaryOf(
      reportable({ victims: [{ kind: 'organisation', profile: null }], cooperation: null }),
    );

    expect(summary).toBe('An organisation was reportedly subjected to a travel ban and online harassment.');
  });
});

describe("the HRC President's briefing at a session, compiled", () => {
  const BRIEFING = {
    kind: 'hrc-president-briefing' as const,
    periodFrom: '2026-06-01',
    periodTo: '2026-08-31',
    cutOff: '2026-08-31',
    symbol: null,
  };
  const goodOffices = (decidedOn: string, status = 'decided') => ({
    type: 'hrc-president-good-offices',
    status,
    decidedOn,
  });

  it("given cases brought to the President's attention in the period, when compiled, then each is an entry with what was done, under verification or not; a case never brought to the President is not the briefing's business", () => {
    const brought = reportable({
      actions: [
        goodOffices('2026-07-02'),
        { type: 'private-engagement', status: 'decided', decidedOn: '2026-07-20' },
      ],
    });
    const underVerification = reportable({ verification: null, actions: [goodOffices('2026-08-01')] });
    const onlyEngaged = reportable();
    const broughtBefore = reportable({ actions: [goodOffices('2026-05-20')] });
    const cancelled = reportable({ actions: [goodOffices('2026-07-02', 'cancelled')] });

    const draft = compileReport(
      [brought, underVerification, onlyEngaged, broughtBefore, cancelled],
      BRIEFING,
      RULES,
    );

    expect(draft.annexI.map((entry) => [entry.caseId, entry.actionsTaken])).toEqual([
      [brought.caseId, ['hrc-president-good-offices', 'private-engagement']],
      [underVerification.caseId, ['hrc-president-good-offices']],
    ]);
    expect(draft.annexII).toEqual([]);
    expect(draft.exclusions).toEqual([]);
  });

  it('given cases brought to the President without consent, flagged, or concluded below the threshold, when compiled, then each is left out with its reason', () => {
    const withoutConsent = reportable({ publication: 'no', actions: [goodOffices('2026-07-02')] });
    const flagged = reportable({ protectionFlagged: true, actions: [goodOffices('2026-07-02')] });
    const rejected = reportable({
      verification: { outcome: 'rejected', concludedOn: '2026-07-30' },
      actions: [goodOffices('2026-07-02')],
    });
    const rejectedAfterCutOff = reportable({
      verification: { outcome: 'falsely-attributed', concludedOn: '2026-09-05' },
      actions: [goodOffices('2026-07-02')],
    });
    const notScreened = reportable({ scope: null, verification: null, actions: [goodOffices('2026-07-02')] });

    const draft = compileReport(
      [withoutConsent, flagged, rejected, rejectedAfterCutOff, notScreened],
      BRIEFING,
      RULES,
    );

    expect(draft.annexI).toEqual([]);
    expect(draft.exclusions.map((exclusion) => [exclusion.caseId, exclusion.reason])).toEqual([
      [withoutConsent.caseId, 'no-publication-consent'],
      [flagged.caseId, 'protection-risk'],
      [rejected.caseId, 'verification-below-threshold'],
      [rejectedAfterCutOff.caseId, 'verification-below-threshold'],
      [notScreened.caseId, 'not-verified-by-cut-off'],
    ]);
  });

  it('given rules that wait for verification, when a case under verification was brought to the President, then it waits for a later briefing', () => {
    const underVerification = reportable({ verification: null, actions: [goodOffices('2026-08-01')] });
    const waiting = {
      ...RULES,
      presidentBriefing: { ...RULES.presidentBriefing, verificationRequired: true },
    };

    const draft = compileReport([underVerification], BRIEFING, waiting);

    expect(draft.exclusions.map((exclusion) => exclusion.reason)).toEqual(['not-verified-by-cut-off']);
  });

  it('given a case of an earlier briefing, when something was done in the period, then it is followed up in section II; otherwise it is not repeated', () => {
    const earlier = { includedIn: ['HRC/61/briefing'], actions: [goodOffices('2026-03-01')] };
    const followed = reportable({
      ...earlier,
      stateReplies: [{ type: 'information-on-measures-taken', receivedOn: '2026-06-15' }],
    });
    const quiet = reportable(earlier);

    const draft = compileReport([followed, quiet], BRIEFING, RULES);

    expect(draft.annexI).toEqual([]);
    expect(draft.annexII).toEqual([
      expect.objectContaining({
        caseId: followed.caseId,
        actionsTaken: [],
        stateResponse: { type: 'information-on-measures-taken', receivedOn: '2026-06-15' },
      }),
    ]);
  });
});
