import type { UnRegionalGroup } from './regional-groups';
import type { UnState } from './un-state';

/**
 * The fictional States of a demonstration, each with the UN regional group a demonstration
 * counts it in, so that statistics by region show several groups. Never on the Human Rights
 * Council: they hold no seat in the shipped membership.
 */
const FICTIONAL: ReadonlyArray<{
  alpha3: string;
  alpha2: string;
  group: UnRegionalGroup;
  names: UnState['names'];
}> = [
  {
    alpha3: 'XBO',
    alpha2: 'XB',
    group: 'eastern-european',
    names: { en: 'Borduria', fr: 'Bordurie', es: 'Borduria', ru: 'Бордурия' },
  },
  {
    alpha3: 'XEL',
    alpha2: 'XE',
    group: 'african',
    names: { en: 'Elbonia', fr: 'Elbonie', es: 'Elbonia', ru: 'Элбония' },
  },
  {
    alpha3: 'XFR',
    alpha2: 'XF',
    group: 'latin-american-caribbean',
    names: { en: 'Freedonia', fr: 'Freedonie', es: 'Freedonia', ru: 'Фридония' },
  },
  {
    alpha3: 'XGR',
    alpha2: 'XG',
    group: 'western-european-others',
    names: { en: 'Grand Fenwick', fr: 'Grand Fenwick', es: 'Gran Fenwick', ru: 'Великий Фенвик' },
  },
  {
    alpha3: 'XRU',
    alpha2: 'XR',
    group: 'eastern-european',
    names: { en: 'Ruritania', fr: 'Ruritanie', es: 'Ruritania', ru: 'Руритания' },
  },
  {
    alpha3: 'XSY',
    alpha2: 'XS',
    group: 'eastern-european',
    names: { en: 'Syldavia', fr: 'Syldavie', es: 'Syldavia', ru: 'Сильдавия' },
  },
];

/**
 * Fictional States for demonstrations, with codes from the ranges ISO 3166-1 leaves to its users
 * (alpha-3 X.., alpha-2 X.), which no real country will ever be given. Only a system in demo mode
 * admits them (admitFictionalStates); anywhere else their codes are unknown, like any other.
 */
export const FICTIONAL_STATES: readonly UnState[] = Object.freeze(
  FICTIONAL.map(({ alpha3, alpha2, names }) =>
    Object.freeze({ alpha3, alpha2, status: 'member' as const, names: Object.freeze({ ...names }) }),
  ),
);

/**
 * The UN regional group of each fictional State, for a demonstration's statistics by region.
 * Read only while the process admits the fictional States (unRegionalGroupOf).
 */
export const FICTIONAL_REGIONAL_GROUPS: ReadonlyMap<string, UnRegionalGroup> = new Map(
  FICTIONAL.map((state) => [state.alpha3, state.group]),
);

const FICTIONAL_CODES: ReadonlySet<string> = new Set(FICTIONAL_STATES.map((state) => state.alpha3));

/** Whether the code is one of the demonstration's fictional States (admitted or not). */
export function isFictionalStateCode(code: string): boolean {
  return FICTIONAL_CODES.has(code);
}
