import type { ACT_TYPES, COOPERATION_MECHANISMS, VICTIM_PROFILES } from '@reprisals/contracts';

/**
 * The English of an entry's summary, one phrase per code of each closed list of an allegation:
 * a code added to a list fails the typecheck here until it has its phrase, so that a report never
 * prints a raw code.
 */

type VictimProfile = (typeof VICTIM_PROFILES)[number];
type CooperationMechanism = (typeof COOPERATION_MECHANISMS)[number];
type ActType = (typeof ACT_TYPES)[number];

/** Who, as the subject of the summary, with its article. */
export const VICTIM_PROFILE_PHRASES: Record<VictimProfile, string> = {
  'human-rights-defender': 'A human rights defender',
  journalist: 'A journalist',
  lawyer: 'A lawyer',
  'trade-unionist': 'A trade unionist',
  victim: 'A victim of human rights violations',
  witness: 'A witness',
  relative: 'A family member',
  'nhri-staff': 'An NHRI staff member',
  'indigenous-representative': "An indigenous peoples' representative",
  'civil-society-organisation': 'A representative of a civil society organisation',
  other: 'A person',
};

/** With which body or mechanism they cooperated, after "cooperated with". */
export const COOPERATION_MECHANISM_PHRASES: Record<CooperationMechanism, string> = {
  'human-rights-council': 'the Human Rights Council',
  'universal-periodic-review': 'the universal periodic review',
  'special-procedure': 'a special procedure of the Human Rights Council',
  'treaty-body': 'a treaty body',
  'ohchr-or-field-presence':
    'the Office of the United Nations High Commissioner for Human Rights or one of its field presences',
  'peace-operation': 'a United Nations peace operation',
  'security-council': 'the Security Council',
  'un-agency': 'a United Nations agency',
  'regional-mechanism': 'a regional human rights mechanism',
};

/**
 * What was done to them: a noun phrase after "subjected to", or a past participle after "was"
 * for an act that no noun phrase says plainly (killed). `online` marks the acts that are online
 * by their type, whose being online need not be said again.
 */
export type ActPhrase = ({ subjectedTo: string } | { was: string }) & { online: boolean };

export const ACT_PHRASES: Record<ActType, ActPhrase> = {
  'arbitrary-arrest-or-detention': { subjectedTo: 'arbitrary arrest or detention', online: false },
  'travel-ban': { subjectedTo: 'a travel ban', online: false },
  threats: { subjectedTo: 'threats', online: false },
  intimidation: { subjectedTo: 'intimidation', online: false },
  'smear-or-stigmatisation-campaign': { subjectedTo: 'a smear or stigmatisation campaign', online: false },
  surveillance: { subjectedTo: 'surveillance', online: false },
  'online-harassment': { subjectedTo: 'online harassment', online: true },
  hacking: { subjectedTo: 'hacking', online: true },
  'restrictive-legislation-or-deregistration': {
    subjectedTo: 'restrictive legislation or deregistration',
    online: false,
  },
  'judicial-harassment': { subjectedTo: 'judicial harassment', online: false },
  'ill-treatment-or-torture': { subjectedTo: 'ill-treatment or torture', online: false },
  'sexual-or-gender-based-violence': { subjectedTo: 'sexual or gender-based violence', online: false },
  'enforced-disappearance': { subjectedTo: 'enforced disappearance', online: false },
  killing: { was: 'killed', online: false },
  other: { subjectedTo: 'other acts of intimidation or reprisal', online: false },
};

/** The phrase of a code in a table, or none for a code the table does not know. */
export function phraseOf<Code extends string, Phrase>(
  table: Record<Code, Phrase>,
  code: string,
): Phrase | undefined {
  return Object.hasOwn(table, code) ? table[code as Code] : undefined;
}
