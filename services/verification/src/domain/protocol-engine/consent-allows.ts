import type { ActionNaming, ActionReach, ConsentScopes } from '@reprisals/contracts';

/** The consent scope each reach needs; internal steps need none. */
const SCOPE_OF_REACH = { state: 'raiseWithState', public: 'publish' } as const;

/** Whether current consent allows an action of this reach, named or anonymous. */
export function consentAllows(
  consent: ConsentScopes,
  reach: ActionReach,
  naming: ActionNaming | null,
): boolean {
  if (reach === 'internal') return true;
  const given = consent[SCOPE_OF_REACH[reach]];
  if (given === 'no') return false;
  return naming !== 'named' || given === 'named';
}
