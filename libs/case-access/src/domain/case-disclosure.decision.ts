import type { ConsentScopes } from '@reprisals/contracts';

export interface CaseDisclosureFacts {
  consent: ConsentScopes;
  /** A protection risk flag is in force. */
  withheld: boolean;
}

/** What may be done with a case outside the UN right now, and why not when it may not. */
export interface CaseDisclosure {
  raiseWithState: ConsentScopes['raiseWithState'];
  publish: ConsentScopes['publish'];
  shareWithUnEntities: ConsentScopes['shareWithUnEntities'];
  /** Why State-facing and public steps are closed, when they are. */
  withheldBecause: 'protection-risk' | 'no-consent' | null;
}

/**
 * The one rule every State-facing or public step applies: consent decides how far it may go,
 * and a protection risk flag closes it whatever the consent. Sharing within the UN follows
 * consent alone (the flag protects from the State and the public, not from UN colleagues).
 */
export function decideDisclosure(facts: CaseDisclosureFacts): CaseDisclosure {
  const { consent, withheld } = facts;
  if (withheld) {
    return {
      raiseWithState: 'no',
      publish: 'no',
      shareWithUnEntities: consent.shareWithUnEntities,
      withheldBecause: 'protection-risk',
    };
  }
  const closed = consent.raiseWithState === 'no' && consent.publish === 'no';
  return { ...consent, withheldBecause: closed ? 'no-consent' : null };
}
