import { z } from 'zod';
import { ALPHA3_PATTERN, type UnLanguage, type UnState } from './un-state';
import { loadUnStates } from './un-states.loader';
import { FICTIONAL_STATES } from './fictional-states';

/**
 * The UN Member States and non-member Observer States, in alpha-3 order, from the shipped list
 * (data/un-states.yaml), read once when the module loads: a broken file stops the process.
 */
export const UN_STATES: readonly UnState[] = loadUnStates();

const BY_ALPHA3: ReadonlyMap<string, UnState> = new Map(UN_STATES.map((state) => [state.alpha3, state]));

/**
 * The States this process knows: the UN's, and the fictional ones of a demonstration once the
 * process admitted them at start (demo mode only). Every lookup below reads it.
 */
let registry: { states: readonly UnState[]; byAlpha3: ReadonlyMap<string, UnState> } = {
  states: UN_STATES,
  byAlpha3: BY_ALPHA3,
};

/** Demo mode: the fictional States are known as well (true), or no longer (false). Set once at start. */
export function admitFictionalStates(admit: boolean): void {
  const states = admit
    ? [...UN_STATES, ...FICTIONAL_STATES].sort((a, b) => a.alpha3.localeCompare(b.alpha3))
    : UN_STATES;
  registry = { states, byAlpha3: new Map(states.map((state) => [state.alpha3, state])) };
}

export function fictionalStatesAdmitted(): boolean {
  return registry.states !== UN_STATES;
}

/** Every State this process knows, in alpha-3 order: UN_STATES, plus the fictional ones in demo mode. */
export function knownStates(): readonly UnState[] {
  return registry.states;
}

/** The State with this ISO 3166-1 alpha-3 code, if it is a UN Member or Observer State (or, in demo mode, a fictional one). */
export function findUnState(code: string): UnState | undefined {
  return registry.byAlpha3.get(code);
}

export function isUnState(code: string): boolean {
  return registry.byAlpha3.has(code);
}

/** The State's short name in `language`, or in English where the list has none in it. */
export function unStateName(code: string, language: UnLanguage = 'en'): string | undefined {
  const state = findUnState(code);
  return state ? unStateNameOf(state, language) : undefined;
}

export function unStateNameOf(state: UnState, language: UnLanguage): string {
  return state.names[language] ?? state.names.en;
}

export const NOT_A_UN_STATE = 'is not a UN Member or Observer State (ISO 3166-1 alpha-3)';

/**
 * The State concerned by a new allegation: an ISO 3166-1 alpha-3 code (uppercase) of a UN Member
 * or Observer State. Codes already recorded in events are checked for their format only
 * (stateCodeSchema in @reprisals/contracts), so that a change of membership never breaks history.
 */
// One issue per code, and none that aborts the parse: a 400 still names the request's other fields.
export const unStateCodeSchema = z.string().superRefine((code, context) => {
  if (!ALPHA3_PATTERN.test(code))
    context.addIssue({
      code: 'invalid_format',
      format: 'regex',
      message: 'must be an ISO 3166-1 alpha-3 code',
    });
  else if (!isUnState(code)) context.addIssue({ code: 'custom', message: NOT_A_UN_STATE });
});
