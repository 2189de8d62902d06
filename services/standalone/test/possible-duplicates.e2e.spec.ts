import type { AuditRecordView as AuditRow } from '@reprisals/audit';
import { eventually, eventuallyExpect } from '@reprisals/testing';
import { everyStoredValue } from './stored-values.fixture';
import {
  as,
  call,
  queryRows,
  tokenFor,
  useStandaloneSystem,
  validAllegation,
  type RunningProcess,
} from './system.fixture';

/** Two entities that each receive an allegation about the same person, and one that sees neither. */
const A = 'OHCHR';
const B = 'UNHCR';
const OUTSIDER = 'UNDP';

/** Identities of the fixtures: they must be found in no table, in clear or normalised. */
const NAMES = {
  asA: 'Amaranta Quispe',
  asB: 'QUISPE, Amaranta',
  normalised: 'amaranta quispe',
  contactAsA: '+51 1 555 0100',
  contactAsB: '0051 (1) 555-0100',
  contactDigits: '5115550100',
  otherPerson: 'Rosa Mamani Condori',
  organisationAsA: 'Colectivo Tierra Viva',
  organisationAsB: 'TIERRA VIVA, Colectivo',
  erased: 'Wayra Ccori Huamani',
  erasedAsB: 'HUAMANI, Wayra Ccori',
  common: 'Common Name Person',
  commonAsB: 'PERSON, Common Name',
};
/** What only A's case says: it must not reach B through the match. */
const SUMMARY_OF_A = 'A defender was detained at the airport after briefing the committee in Geneva.';

const individual = (name: string, change: Record<string, unknown> = {}) => ({
  kind: 'individual',
  name,
  gender: 'woman',
  ageGroup: 'adult',
  profile: 'human-rights-defender',
  ...change,
});
const organisation = (name: string, change: Record<string, unknown> = {}) => ({
  kind: 'organisation',
  name,
  organisationType: 'ngo',
  ...change,
});

interface RecordedCase {
  id: string;
  reference: string;
}

describe('possible duplicates across entities', () => {
  const system = useStandaloneSystem('possible_duplicates');
  let running: RunningProcess;

  beforeAll(() => {
    ({ running } = system());
  });

  const record = async (entity: string, victims: unknown[], summary?: string): Promise<RecordedCase> => {
    const answer = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', entity)),
      body: { ...validAllegation, ...(summary ? { summary } : {}), victims },
    });
    expect(answer.status).toBe(201);
    return answer.body as RecordedCase;
  };
  const duplicatesOf = async (
    caseId: string,
    entity: string,
    role: Parameters<typeof tokenFor>[0] = 'intake-officer',
  ) =>
    call(running.baseUrl, 'GET', `/intake/allegations/${caseId}/possible-duplicates`, await as(role, entity));
  const decide = async (
    caseId: string,
    otherCaseId: string,
    decision: 'link' | 'dismiss',
    entity: string,
    body: unknown,
    role: Parameters<typeof tokenFor>[0] = 'intake-officer',
  ) =>
    call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/possible-duplicates/${otherCaseId}/${decision}`,
      {
        ...(await as(role, entity)),
        body,
      },
    );
  const pseudonymsOf = async (caseId: string, entity: string): Promise<string[]> =>
    (
      (
        await call(
          running.baseUrl,
          'GET',
          `/intake/allegations/${caseId}`,
          await as('intake-officer', entity),
        )
      ).body.victims as Array<{ pseudonym: string }>
    ).map((victim) => victim.pseudonym);
  const auditOf = async (caseId: string, entity: string): Promise<AuditRow[]> =>
    (await call(running.baseUrl, 'GET', `/intake/audit?caseId=${caseId}`, await as('auditor', entity))).body
      .records as AuditRow[];
  const timelineOf = async (caseId: string, entity: string) =>
    call(
      running.baseUrl,
      'GET',
      `/reporting/cases/${caseId}/timeline`,
      await as('reporting-analyst', entity),
    );

  let caseOfA: RecordedCase;
  let caseOfB: RecordedCase;

  it('given entity A records "Amaranta Quispe" and entity B "QUISPE, Amaranta" of the same age group and State, when each lists its case’s possible duplicates, then each finds the other case by reference and lead entity only, and a different person is not matched', async () => {
    caseOfA = await record(A, [individual(NAMES.asA, { contact: NAMES.contactAsA })], SUMMARY_OF_A);
    const otherPerson = await record(B, [individual(NAMES.otherPerson)]);
    caseOfB = await record(B, [individual(NAMES.asB, { profile: 'journalist', contact: NAMES.contactAsB })]);

    const seenByB = await duplicatesOf(caseOfB.id, B);
    expect(seenByB.status).toBe(200);
    expect(seenByB.body).toEqual({
      caseId: caseOfB.id,
      possibleDuplicates: [
        {
          otherCase: { id: caseOfA.id, reference: caseOfA.reference, leadEntity: A, seenByYourEntity: false },
          matchedOn: ['person', 'contact'],
          score: 90,
          status: 'open',
          victims: await pseudonymsOf(caseOfB.id, B),
          foundAt: expect.any(String),
          decision: null,
        },
      ],
    });
    const answered = JSON.stringify(seenByB.body);
    expect(answered).not.toContain(SUMMARY_OF_A);
    expect(answered.toLowerCase()).not.toContain('quispe');
    // The match discloses A's reference, not A's case: B still cannot open it.
    expect(
      (await call(running.baseUrl, 'GET', `/intake/allegations/${caseOfA.id}`, await as('intake-officer', B)))
        .status,
    ).toBe(404);

    const seenByA = await duplicatesOf(caseOfA.id, A);
    expect(seenByA.body.possibleDuplicates).toEqual([
      expect.objectContaining({
        otherCase: { id: caseOfB.id, reference: caseOfB.reference, leadEntity: B, seenByYourEntity: false },
        matchedOn: ['person', 'contact'],
        status: 'open',
        victims: await pseudonymsOf(caseOfA.id, A),
      }),
    ]);
    expect((await duplicatesOf(otherPerson.id, B)).body.possibleDuplicates).toEqual([]);

    // Need to know and the policy hold for the list itself.
    expect((await duplicatesOf(caseOfB.id, OUTSIDER)).status).toBe(404);
    expect((await duplicatesOf(caseOfB.id, A)).status).toBe(404);
    expect((await duplicatesOf(caseOfB.id, B, 'admin')).status).toBe(403);

    // One event for the pair, ids only, from the case that found it.
    const events = await queryRows<{ payload: string }>(
      system().database.url,
      `SELECT payload FROM intake.outbox_message WHERE event_type = $1 ORDER BY seq`,
      ['org.un.reprisals.intake.possible-duplicate-found'],
    );
    expect(events.map((event) => JSON.parse(event.payload) as unknown)).toEqual([
      { caseId: caseOfB.id, otherCaseId: caseOfA.id, matchedOn: ['person', 'contact'] },
    ]);
    // B's case events start with its AllegationReceived; the finding follows it.
    const streamOfB = (
      await queryRows<{ event_type: string }>(
        system().database.url,
        `SELECT event_type FROM intake.outbox_message
          WHERE message_key = $1 AND event_type <> 'org.un.reprisals.intake.audit-recorded' ORDER BY seq`,
        [caseOfB.id],
      )
    ).map((row) => row.event_type);
    expect(streamOfB[0]).toBe('org.un.reprisals.intake.allegation-received');
    expect(streamOfB).toContain('org.un.reprisals.intake.possible-duplicate-found');

    // B's read is audited on B's case; A's trail records that A's reference reached B.
    expect(await auditOf(caseOfB.id, B)).toContainEqual(
      expect.objectContaining({
        action: 'case:read',
        target: 'GET /intake/allegations/:id/possible-duplicates',
        outcome: 'allowed',
        actorEntity: B,
      }),
    );
    expect(await auditOf(caseOfA.id, A)).toContainEqual(
      expect.objectContaining({
        action: 'case:read',
        target: 'GET /intake/allegations/:id/possible-duplicates#reference-disclosed',
        outcome: 'allowed',
        actorEntity: B,
      }),
    );
  });

  it('given the match, when B’s officer links the cases, then each case’s timeline shows the other by id and reference, the decision stands, and B still cannot read A’s case', async () => {
    const note = 'Same defender, reported to both offices in May.';
    const linked = await decide(caseOfB.id, caseOfA.id, 'link', B, { reason: 'same-person', note });
    expect(linked).toMatchObject({
      status: 200,
      body: { caseId: caseOfB.id, otherCaseId: caseOfA.id, status: 'linked', linkId: expect.any(String) },
    });
    const { linkId } = linked.body as { linkId: string };

    expect((await decide(caseOfB.id, caseOfA.id, 'link', B, { reason: 'same-person' })).status).toBe(409);
    expect((await decide(caseOfA.id, caseOfB.id, 'dismiss', A, { reason: 'common-name' })).status).toBe(409);

    for (const [caseId, entity, other] of [
      [caseOfA.id, A, caseOfB],
      [caseOfB.id, B, caseOfA],
    ] as const) {
      await eventuallyExpect(
        async () => {
          const timeline = await timelineOf(caseId, entity);
          expect(timeline.status).toBe(200);
          const links = (timeline.body.entries as Array<{ type: string }>).filter(
            (entry) => entry.type === 'CasesLinked',
          );
          expect(links).toEqual([
            expect.objectContaining({
              type: 'CasesLinked',
              service: 'intake',
              actor: expect.objectContaining({ kind: 'user', entity: B }),
              linkedCase: { caseId: other.id, reference: other.reference },
            }),
          ]);
        },
        { description: `the link in the timeline of ${caseId}` },
      );
      const listed = await duplicatesOf(caseId, entity);
      expect(listed.body.possibleDuplicates).toEqual([
        expect.objectContaining({
          status: 'linked',
          decision: { reason: 'same-person', entity: B, decidedAt: expect.any(String), linkId },
        }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(note);
    }
    // The timeline's need to know is unchanged: the link names A's case, it does not open it.
    expect((await timelineOf(caseOfA.id, B)).status).toBe(404);
    // B's timeline showed A's reference: reporting's trail records it on A's case.
    const reportingAuditOfA = await call(running.baseUrl, 'GET', `/reporting/audit?caseId=${caseOfA.id}`, {
      token: await tokenFor('auditor', A),
    });
    expect(reportingAuditOfA.body.records).toContainEqual(
      expect.objectContaining({
        action: 'case:timeline:read',
        target: 'GET /reporting/cases/:id/timeline#reference-disclosed',
        actorEntity: B,
      }),
    );

    const decisionsOnA = (await auditOf(caseOfA.id, A))
      .filter((row) => row.action === 'case:link')
      .map((row) => `${row.actorEntity} ${row.outcome} ${row.reason ?? row.target}`);
    expect(decisionsOnA).toEqual([
      `${B} allowed possible-duplicate:${caseOfB.id}:linked`,
      `${A} denied wrong-status`,
    ]);
  });

  it('given a match of two organisations, when refused callers try and A’s officer dismisses it, then every refusal is audited, the match is closed for both, and nothing links them', async () => {
    const ofA = await record(A, [
      organisation(NAMES.organisationAsA, { contact: 'info@tierraviva.example' }),
    ]);
    const ofB = await record(B, [organisation(NAMES.organisationAsB)]);
    const unrelated = await record(B, [individual('Someone Else Entirely')]);
    // Found in the transaction that recorded B's case: there is nothing to wait for.
    expect((await duplicatesOf(ofB.id, B)).body.possibleDuplicates).toEqual([
      expect.objectContaining({
        otherCase: expect.objectContaining({ id: ofA.id }),
        matchedOn: ['organisation'],
        score: 40,
      }),
    ]);

    const dismissal = { reason: 'different-organisation', note: 'Two collectives share the name.' };
    expect((await decide(ofB.id, ofA.id, 'dismiss', B, dismissal, 'reporting-analyst')).status).toBe(403);
    expect((await decide(ofB.id, ofA.id, 'dismiss', OUTSIDER, dismissal)).status).toBe(404);
    expect((await decide(ofB.id, unrelated.id, 'dismiss', B, dismissal)).status).toBe(404);
    expect((await decide(ofB.id, ofA.id, 'dismiss', B, { reason: 'not-a-reason' })).status).toBe(400);

    const dismissed = await decide(ofA.id, ofB.id, 'dismiss', A, dismissal);
    expect(dismissed).toMatchObject({ status: 200, body: { status: 'dismissed', linkId: null } });
    expect((await decide(ofB.id, ofA.id, 'link', B, { reason: 'same-organisation' })).status).toBe(409);
    for (const [caseId, entity] of [
      [ofA.id, A],
      [ofB.id, B],
    ] as const) {
      expect((await duplicatesOf(caseId, entity)).body.possibleDuplicates).toEqual([
        expect.objectContaining({
          status: 'dismissed',
          decision: expect.objectContaining({ reason: 'different-organisation', entity: A, linkId: null }),
        }),
      ]);
    }

    const decisions = (await auditOf(ofB.id, B))
      .filter((row) => row.action === 'case:link')
      .map((row) => `${row.actorEntity} ${row.outcome}${row.reason ? ` ${row.reason}` : ''}`);
    expect(decisions).toEqual([
      `${B} denied missing-permission`,
      `${OUTSIDER} denied no-share`,
      `${B} denied no-such-pair`,
      `${A} allowed`,
      `${B} denied wrong-status`,
    ]);
    const timeline = await eventually(
      async () => {
        const answer = await timelineOf(ofB.id, B);
        return answer.status === 200 && answer;
      },
      { description: 'the case in reporting' },
    );
    expect((timeline.body.entries as Array<{ type: string }>).map((entry) => entry.type)).not.toContain(
      'CasesLinked',
    );
  });

  it('given more cases naming one person than a case is paired with, when another names her, then it is paired with the most recent 20, each announced once', async () => {
    const earlier: RecordedCase[] = [];
    for (let index = 0; index < 22; index++) earlier.push(await record(A, [individual(NAMES.common)]));
    const latest = await record(B, [individual(NAMES.commonAsB)]);

    const listed = (await duplicatesOf(latest.id, B)).body.possibleDuplicates as Array<{
      otherCase: { id: string };
    }>;
    expect(listed.map((match) => match.otherCase.id).sort()).toEqual(
      earlier
        .slice(-20)
        .map((recorded) => recorded.id)
        .sort(),
    );
    const announced = await queryRows<{ count: string }>(
      system().database.url,
      'SELECT count(*) AS count FROM intake.outbox_message WHERE message_key = $1 AND event_type = $2',
      [latest.id, 'org.un.reprisals.intake.possible-duplicate-found'],
    );
    expect(announced[0]?.count).toBe('20');
  });

  it('given a victim corrected after recording, when the new name matches another case, then the match is found; when the victim is removed, its fingerprints go', async () => {
    const elsewhere = await record(A, [individual('Yupanqui Atoq Ccahuana')]);
    const mine = await record(B, [individual('Y. Misspelt'), individual('Second Victim Here')]);
    expect((await duplicatesOf(mine.id, B)).body.possibleDuplicates).toEqual([]);
    const [first] = await pseudonymsOf(mine.id, B);

    const corrected = await call(running.baseUrl, 'PATCH', `/intake/allegations/${mine.id}`, {
      ...(await as('intake-officer', B)),
      headers: { 'if-match': '"1"' },
      body: { victims: [{ ...individual('CCAHUANA, Yupanqui Atoq'), pseudonym: first }] },
    });
    expect(corrected.status).toBe(200);
    expect((await duplicatesOf(mine.id, B)).body.possibleDuplicates).toEqual([
      expect.objectContaining({ otherCase: expect.objectContaining({ id: elsewhere.id }), status: 'open' }),
    ]);
    const remaining = await queryRows<{ victim_pseudonym: string }>(
      system().database.url,
      'SELECT DISTINCT victim_pseudonym FROM intake.duplicate_fingerprint WHERE case_id = $1',
      [mine.id],
    );
    expect(remaining.map((row) => row.victim_pseudonym)).toEqual([first]);
  });

  it('given a match, when one of the cases is erased, then the pair is closed and can no longer be linked', async () => {
    const first = await record(A, [individual('Killa Sisa Mamani')]);
    const second = await record(B, [individual('MAMANI, Killa Sisa')]);
    expect((await duplicatesOf(second.id, B)).body.possibleDuplicates).toEqual([
      expect.objectContaining({ otherCase: expect.objectContaining({ id: first.id }), status: 'open' }),
    ]);
    const erasure = await call(running.baseUrl, 'DELETE', `/intake/allegations/${first.id}/personal-data`, {
      ...(await as('supervisor', A)),
      body: { reason: 'request-of-the-person', note: 'The person asked in writing on 3 May.' },
    });
    expect(erasure.status).toBe(200);
    const link = await decide(second.id, first.id, 'link', B, { reason: 'same-person' });
    expect(link.status).toBe(409);
    expect((await duplicatesOf(second.id, B)).body.possibleDuplicates).toEqual([
      expect.objectContaining({
        status: 'dismissed',
        decision: expect.objectContaining({ reason: 'personal-data-erased' }),
      }),
    ]);
  });

  it('given an erased case, when the same person is recorded again, then the erased case is not matched, and no table holds a name or contact in clear', async () => {
    const erased = await record(A, [individual(NAMES.erased)]);
    const erasure = await call(running.baseUrl, 'DELETE', `/intake/allegations/${erased.id}/personal-data`, {
      ...(await as('supervisor', A)),
      body: { reason: 'request-of-the-person', note: 'The person asked in writing on 2 May.' },
    });
    expect(erasure.status).toBe(200);
    const again = await record(B, [individual(NAMES.erasedAsB)]);

    expect((await duplicatesOf(again.id, B)).body.possibleDuplicates).toEqual([]);
    const fingerprints = async (caseId: string) =>
      (
        await queryRows<{ count: string }>(
          system().database.url,
          'SELECT count(*) AS count FROM intake.duplicate_fingerprint WHERE case_id = $1',
          [caseId],
        )
      )[0]?.count;
    expect(await fingerprints(erased.id)).toBe('0');
    expect(await fingerprints(again.id)).toBe('1');

    await eventually(async () => (await timelineOf(again.id, B)).status === 200, {
      description: 'the last case in reporting',
    });
    const stored = await everyStoredValue(system().database.url);
    expect(stored).toContain(caseOfA.id);
    for (const value of Object.values(NAMES)) expect(stored.toLowerCase()).not.toContain(value.toLowerCase());
  });
});
