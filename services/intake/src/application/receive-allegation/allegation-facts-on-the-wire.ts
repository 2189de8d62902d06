import type { AllegationReceivedData } from '@reprisals/contracts';
import type { ActInput, ReceiveAllegationCommand, VictimInput } from './receive-allegation.command';

/**
 * What AllegationReceived tells other services about victims, cooperation and acts: pseudonyms
 * and the facts reports count. Names, contacts, places and descriptions stay sealed in intake.
 */
export function factsOnTheWire(
  command: Pick<ReceiveAllegationCommand, 'victims' | 'cooperation' | 'acts'>,
  victimPseudonyms: readonly string[],
): Pick<AllegationReceivedData, 'victims' | 'cooperation' | 'acts'> {
  return {
    victims: victimsOnTheWire(
      command.victims.map((victim, index) => ({ pseudonym: victimPseudonyms[index] ?? '', input: victim })),
    ),
    cooperation: {
      mechanism: command.cooperation.mechanism,
      detail: command.cooperation.detail ?? null,
      category: command.cooperation.category,
    },
    acts: actsOnTheWire(command.acts),
  };
}

export function victimsOnTheWire(
  victims: ReadonlyArray<{ pseudonym: string; input: VictimInput }>,
): AllegationReceivedData['victims'] {
  return victims.map(({ pseudonym, input: victim }) => ({
    pseudonym,
    kind: victim.kind,
    profile: victim.kind === 'individual' ? victim.profile : null,
    gender: victim.kind === 'individual' ? victim.gender : null,
    ageGroup: victim.kind === 'individual' ? victim.ageGroup : null,
    organisationType: victim.kind === 'organisation' ? victim.organisationType : null,
  }));
}

export function actsOnTheWire(acts: readonly ActInput[]): AllegationReceivedData['acts'] {
  return acts.map((act) => ({
    type: act.type,
    occurredOn: act.date ?? act.periodFrom ?? null,
    country: act.country,
    online: act.online,
    perpetrator: act.perpetrator,
  }));
}
