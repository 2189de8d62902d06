import type { UnState } from './un-state';

/**
 * Fictional States for demonstrations, with codes from the ranges ISO 3166-1 leaves to its users
 * (alpha-3 X.., alpha-2 X.), which no real country will ever be given. Only a system in demo mode
 * admits them (admitFictionalStates); anywhere else their codes are unknown, like any other.
 */
export const FICTIONAL_STATES: readonly UnState[] = Object.freeze(
  [
    { alpha3: 'XBO', alpha2: 'XB', en: 'Borduria', fr: 'Bordurie', es: 'Borduria', ru: 'Бордурия' },
    { alpha3: 'XEL', alpha2: 'XE', en: 'Elbonia', fr: 'Elbonie', es: 'Elbonia', ru: 'Элбония' },
    { alpha3: 'XFR', alpha2: 'XF', en: 'Freedonia', fr: 'Freedonie', es: 'Freedonia', ru: 'Фридония' },
    {
      alpha3: 'XGR',
      alpha2: 'XG',
      en: 'Grand Fenwick',
      fr: 'Grand Fenwick',
      es: 'Gran Fenwick',
      ru: 'Великий Фенвик',
    },
    { alpha3: 'XRU', alpha2: 'XR', en: 'Ruritania', fr: 'Ruritanie', es: 'Ruritania', ru: 'Руритания' },
    { alpha3: 'XSY', alpha2: 'XS', en: 'Syldavia', fr: 'Syldavie', es: 'Syldavia', ru: 'Сильдавия' },
  ].map(({ alpha3, alpha2, ...names }) =>
    Object.freeze({ alpha3, alpha2, status: 'member' as const, names: Object.freeze(names) }),
  ),
);

const FICTIONAL_CODES: ReadonlySet<string> = new Set(FICTIONAL_STATES.map((state) => state.alpha3));

/** Whether the code is one of the demonstration's fictional States (admitted or not). */
export function isFictionalStateCode(code: string): boolean {
  return FICTIONAL_CODES.has(code);
}
