import { ACT_TYPES, COOPERATION_MECHANISMS, VICTIM_PROFILES } from '@reprisals/contracts';
import type { CaseForReport } from './case-for-report';
import { summaryOf } from './report-compilation';
import { ACT_PHRASES, COOPERATION_MECHANISM_PHRASES, VICTIM_PROFILE_PHRASES } from './summary-phrases';

/** A case with the given categories; the rest does not enter a summary. */
function reported(overrides: Partial<CaseForReport> = {}): CaseForReport {
  return {
    caseId: '00000000-0000-4000-8000-000000000001',
    reference: 'REP-2026-000001',
    stateConcerned: 'BLR',
    receivedOn: '2026-06-10',
    victims: [{ kind: 'individual', profile: 'journalist' }],
    acts: [{ type: 'threats', occurredOn: null, online: false, perpetrator: 'state' }],
    cooperation: { mechanism: 'human-rights-council', category: 'a' },
    scope: 'in',
    verification: null,
    publication: 'named',
    protectionFlagged: false,
    actions: [],
    stateReplies: [],
    includedIn: [],
    ...overrides,
  };
}

const act = (type: string, online = false) => ({ type, occurredOn: null, online, perpetrator: 'state' });

/** What a code would read as if it were printed as it is, in lower case. */
const raw = (code: string): string => code.replace(/-/g, ' ');

describe('the phrases of an entry summary', () => {
  it('given each closed list of an allegation, when its codes are looked up, then every code has its own English phrase, none the raw code', () => {
    const tables = [
      [VICTIM_PROFILES, VICTIM_PROFILE_PHRASES],
      [COOPERATION_MECHANISMS, COOPERATION_MECHANISM_PHRASES],
      [ACT_TYPES, ACT_PHRASES],
    ] as const;

    for (const [codes, phrases] of tables) {
      expect(Object.keys(phrases).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        const phrase = phrases[code as keyof typeof phrases] as unknown;
        const text = typeof phrase === 'string' ? phrase : JSON.stringify(phrase);
        if (code.includes('-')) expect(text).not.toContain(code);
        expect(text).not.toMatch(new RegExp(`^"?${raw(code)}"?$`));
      }
    }
  });

  it('given every profile, when summarised, then each opens with its article and a capital, and "other" is a person', () => {
    const openings = VICTIM_PROFILES.map(
      (profile) => summaryOf(reported({ victims: [{ kind: 'individual', profile }] })).split(' who ')[0],
    );

    for (const opening of openings) expect(opening).toMatch(/^(A [a-z]|An [A-Za-z])/);
    expect(openings).toContain('An NHRI staff member');
    expect(openings).toContain("An indigenous peoples' representative");
    expect(openings).toContain('A journalist');
    expect(summaryOf(reported({ victims: [{ kind: 'individual', profile: 'other' }] }))).toMatch(
      /^A person who/,
    );
    expect(summaryOf(reported({ victims: [] }))).toMatch(/^A person who/);
  });

  it('given an organisation, when summarised, then it is an organisation "that" cooperated', () => {
    expect(summaryOf(reported({ victims: [{ kind: 'organisation', profile: null }] }))).toBe(
      'An organisation that cooperated with the Human Rights Council (resolution 54/24, para. 4 (a)) was reportedly subjected to threats.',
    );
  });

  it('given every mechanism, when summarised, then each is named in the UN style', () => {
    const named = (mechanism: string) =>
      summaryOf(reported({ cooperation: { mechanism, category: 'b' } }))
        .split('cooperated with ')[1]!
        .split(' (resolution')[0];

    expect(COOPERATION_MECHANISMS.map(named)).toEqual(
      COOPERATION_MECHANISMS.map((mechanism) => COOPERATION_MECHANISM_PHRASES[mechanism]),
    );
    expect(named('human-rights-council')).toBe('the Human Rights Council');
    expect(named('universal-periodic-review')).toBe('the universal periodic review');
    expect(named('special-procedure')).toBe('a special procedure of the Human Rights Council');
    expect(named('treaty-body')).toBe('a treaty body');
    expect(named('un-agency')).toBe('a United Nations agency');
    expect(named('security-council')).toBe('the Security Council');
  });

  it('given acts, when summarised, then each is a noun phrase, "other" is left out beside a named act and said alone otherwise, and a killing is said plainly', () => {
    const what = (...acts: ReturnType<typeof act>[]) =>
      summaryOf(reported({ acts })).split(' was reportedly ')[1];

    expect(what(act('travel-ban'), act('ill-treatment-or-torture'))).toBe(
      'subjected to a travel ban and ill-treatment or torture.',
    );
    expect(what(act('arbitrary-arrest-or-detention'))).toBe('subjected to arbitrary arrest or detention.');
    expect(what(act('other'), act('hacking', true))).toBe('subjected to hacking.');
    expect(what(act('other'))).toBe('subjected to other acts of intimidation or reprisal.');
    expect(what()).toBe('subjected to intimidation or reprisal.');
    expect(what(act('killing'))).toBe('killed.');
    expect(what(act('threats', true), act('killing'))).toBe(
      'subjected to threats, including online, and killed.',
    );
    expect(what(act('threats'), act('threats'), act('surveillance'), act('travel-ban'))).toBe(
      'subjected to threats, surveillance and a travel ban.',
    );
  });

  it('given online acts, when summarised, then ", including online" is said only of an act not online by its type', () => {
    const what = (...acts: ReturnType<typeof act>[]) =>
      summaryOf(reported({ acts })).split(' was reportedly ')[1];

    expect(what(act('online-harassment', true))).toBe('subjected to online harassment.');
    expect(what(act('hacking', true), act('online-harassment', true))).toBe(
      'subjected to hacking and online harassment.',
    );
    expect(what(act('smear-or-stigmatisation-campaign', true))).toBe(
      'subjected to a smear or stigmatisation campaign, including online.',
    );
  });

  it("given the reviewer's examples, when the same categories are summarised now, then none of the wordings found unfit appears", () => {
    const summaries = [
      summaryOf(
        reported({
          victims: [{ kind: 'individual', profile: 'other' }],
          cooperation: { mechanism: 'human-rights-council', category: 'c' },
          acts: [act('other'), act('hacking', true)],
        }),
      ),
      ...VICTIM_PROFILES.flatMap((profile) =>
        COOPERATION_MECHANISMS.map((mechanism) =>
          summaryOf(
            reported({
              victims: [{ kind: 'individual', profile }],
              cooperation: { mechanism, category: 'a' },
              acts: ACT_TYPES.map((type) => act(type, type === 'hacking' || type === 'online-harassment')),
            }),
          ),
        ),
      ),
      summaryOf(reported({ victims: [{ kind: 'organisation', profile: null }] })),
      summaryOf(reported({ acts: [act('travel-ban'), act('ill-treatment-or-torture')] })),
    ];

    expect(summaries[0]).toBe(
      'A person who cooperated with the Human Rights Council (resolution 54/24, para. 4 (c)) was reportedly subjected to hacking.',
    );
    for (const summary of summaries) {
      expect(summary).not.toMatch(
        /A other|other and|A nhri|A indigenous|An organisation who|the (un agency|security council|special procedure|treaty body|human rights council)|subjected to travel ban|ill treatment|online harassment[^.]*including online|hacking, including online|[a-z]-[a-z]+-[a-z]/,
      );
      expect(summary).toMatch(/^[A-Z][^]*\.$/);
    }
  });

  it('given any categories, when summarised, then the summary is written from them alone: no name and no free text', () => {
    const summary = summaryOf(
      reported({ victims: [{ kind: 'individual', profile: 'lawyer' }], reference: 'REP-2026-999999' }),
    );

    expect(summary).not.toContain('REP-2026-999999');
    expect(summary).not.toContain('BLR');
  });
});
