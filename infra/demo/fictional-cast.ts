import type { SeededRandom } from '@reprisals/testing';

/**
 * Everyone the demonstration invents: made-up names from made-up syllables, each marked as
 * fictional, so that no real person is ever named; organisations named after fictional States.
 */
const GIVEN_NAMES = [
  'Azrelle',
  'Bodmina',
  'Corvash',
  'Dalrune',
  'Elowyth',
  'Fennick',
  'Galdrae',
  'Hestrin',
  'Ilvara',
  'Jorrowin',
  'Kestrelle',
  'Lumiel',
  'Marrowen',
  'Nivorra',
  'Oskeline',
  'Peldrin',
  'Quillon',
  'Rosmerth',
  'Sarnicka',
  'Tavrel',
  'Ulmeria',
  'Vestrin',
  'Wyndoline',
  'Yorvelle',
  'Zandrick',
] as const;
const FAMILY_NAMES = [
  'Ambervale',
  'Brackenwold',
  'Cindermoor',
  'Duskhollow',
  'Emberlin',
  'Frostweir',
  'Gildenbrook',
  'Hollowmere',
  'Inkwhistle',
  'Juniperay',
  'Kettlewold',
  'Lanternby',
  'Mistral-Oake',
  'Nettlecombe',
  'Orrinwick',
  'Pebbleford',
  'Quartzmere',
  'Ravelstone',
  'Saltmarrow',
  'Thistlewaite',
] as const;
const ORGANISATION_KINDS = [
  'Lantern Collective',
  'Defenders’ Circle',
  'Free Press Guild',
  'Legal Aid Lodge',
  'Workers’ Assembly',
  'Watch for Rights',
  'Indigenous Council',
  'Women’s Forum',
] as const;

/** The adjective of each fictional State, for the organisations it invents. */
export const STATE_ADJECTIVES: Readonly<Record<string, string>> = {
  XBO: 'Bordurian',
  XEL: 'Elbonian',
  XFR: 'Freedonian',
  XGR: 'Fenwickian',
  XRU: 'Ruritanian',
  XSY: 'Syldavian',
};

const INITIALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The `n`th invented person: no two alike for the first 13 000, so no false duplicates at intake. */
export const fictionalPersonName = (n: number): string =>
  `${GIVEN_NAMES[n % GIVEN_NAMES.length]} ${INITIALS[Math.floor(n / 500) % INITIALS.length]}. ` +
  `${FAMILY_NAMES[Math.floor(n / GIVEN_NAMES.length) % FAMILY_NAMES.length]} (fictional person)`;

export const fictionalOrganisationName = (random: SeededRandom, state: string): string =>
  `${STATE_ADJECTIVES[state] ?? 'Imaginary'} ${random.pick(ORGANISATION_KINDS)} (fictional organisation)`;

/** The mandates and treaty bodies a special procedure or treaty body case names. */
export const MECHANISM_DETAILS: Readonly<Record<string, readonly string[]>> = {
  'special-procedure': [
    'Special Rapporteur on the situation of human rights defenders',
    'Special Rapporteur on freedom of opinion and expression',
    'Working Group on Arbitrary Detention',
  ],
  'treaty-body': [
    'Committee against Torture',
    'Human Rights Committee',
    'Committee on the Elimination of Discrimination against Women',
  ],
};

const words = (code: string): string => code.replace(/-/g, ' ');

/** A summary without anyone's name: the profile, the acts and the mechanism, in general words. */
export function demonstrationSummary(profile: string, acts: readonly string[], mechanism: string): string {
  return (
    `Demonstration case: a ${words(profile)} reported ${acts.map(words).join(' and ')} ` +
    `after cooperating with the ${words(mechanism)}. All details are fictional.`
  );
}
