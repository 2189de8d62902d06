import type { AllegationReceivedData } from '@reprisals/contracts';

/**
 * What a communication may say about the case: the non-identifying facts intake publishes (acts,
 * their dates, online or not, the mechanism and para 4 category). Never a name or a place.
 */
export interface CaseFacts {
  acts: Array<{ type: string; occurredOn: string | null; online: boolean }>;
  cooperation: { mechanism: string; category: string } | null;
}

export function caseFactsOf(allegation: Pick<AllegationReceivedData, 'acts' | 'cooperation'>): CaseFacts {
  return {
    acts: allegation.acts.map((act) => ({ type: act.type, occurredOn: act.occurredOn, online: act.online })),
    cooperation: allegation.cooperation
      ? { mechanism: allegation.cooperation.mechanism, category: allegation.cooperation.category }
      : null,
  };
}
