/** A complete, fictional allegation as the OpenAPI document shows it: every field used once. */
export const RECEIVE_ALLEGATION_EXAMPLE = {
  stateConcerned: 'BLR',
  receivedVia: 'meeting',
  receivedOn: '2026-05-02',
  summary: 'A defender who briefed the review was detained on return and her organisation deregistered.',
  submissionLanguage: 'en',
  victims: [
    {
      kind: 'individual',
      name: 'Example Person',
      aliases: ['E. P.'],
      gender: 'woman',
      ageGroup: 'adult',
      profile: 'human-rights-defender',
      contact: 'through the regional office only',
    },
    { kind: 'organisation', name: 'Example Rights Centre', organisationType: 'ngo' },
  ],
  cooperation: {
    mechanism: 'universal-periodic-review',
    category: 'a',
    date: '2026-01-22',
    description: 'Delivered a statement at the pre-session',
  },
  acts: [
    {
      type: 'arbitrary-arrest-or-detention',
      date: '2026-04-30',
      country: 'BLR',
      place: 'the international airport',
      online: false,
      perpetrator: 'state',
      description: 'Held for fourteen hours and questioned about the statement',
    },
    {
      type: 'restrictive-legislation-or-deregistration',
      periodFrom: '2026-02-01',
      periodTo: '2026-03-15',
      country: 'BLR',
      online: false,
      perpetrator: 'state',
    },
  ],
  sources: [
    {
      name: 'Example Partner Organisation',
      contact: 'by e-mail through the office',
      channel: 'email',
      receivedOn: '2026-05-01',
      relation: 'organisation',
      reliability: 'reliable',
    },
  ],
  consent: {
    scopes: { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'anonymous' },
    givenBy: 'victim',
    givenOn: '2026-05-02',
    form: 'written',
  },
  detailedAccount: 'The officers quoted the statement delivered at the pre-session in full.',
};
