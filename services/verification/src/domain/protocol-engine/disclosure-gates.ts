import type { ActionNaming, ActionReach } from '@reprisals/contracts';
import type { ProtocolGateRule } from '../protocol-policy/response-protocol-policy.schema';
import { consentAllows } from './consent-allows';
import type { StepContext } from './protocol-command';
import { ProtocolRefused } from './protocol-refused';

const LIFT_FLAG = 'a supervisor of the lead entity lifts the protection risk flag in intake';

/**
 * The protection and consent gates of an action, in the order the policy lists them. Protection
 * has no override. Consent passes when current consent allows the reach (named when the action
 * names), or when `override` says a supervisor goes past it: at proposal the officer only asks
 * (`requested`: `awaitingOverride`, and the step must then wait for a supervisor), at approval the
 * supervisor holding the gate's override permission decides (`consentOverridden`).
 */
export function passDisclosureGates(
  gates: readonly ProtocolGateRule[],
  action: { reach: ActionReach; naming: ActionNaming | null },
  context: StepContext,
  override: { requested: boolean; decidedBySupervisor: boolean },
): { consentOverridden: boolean; awaitingOverride: boolean } {
  let consentOverridden = false;
  let awaitingOverride = false;
  for (const gate of gates) {
    if (gate.gate === 'protection' && context.disclosure.withheld)
      throw new ProtocolRefused(
        'protection',
        'a protection risk flag withholds the case from every State-facing or public step',
        LIFT_FLAG,
      );
    if (gate.gate === 'consent' && !consentAllows(context.disclosure.consent, action.reach, action.naming)) {
      const needed = `consent to ${action.reach === 'state' ? 'raise the case with the State' : 'publish'}${
        action.naming === 'named' ? ' named' : ''
      }`;
      // Only a gate with an override can be gone past, and only by someone holding it.
      const overriding = gate.override !== undefined && context.caller.permissions.includes(gate.override);
      if (gate.override && override.requested && (!override.decidedBySupervisor || overriding)) {
        consentOverridden = override.decidedBySupervisor;
        awaitingOverride = !override.decidedBySupervisor;
        continue;
      }
      throw new ProtocolRefused(
        'consent',
        `current consent does not allow this ${action.reach === 'state' ? 'State-facing' : 'public'} action`,
        gate.override
          ? `${needed} recorded in intake, or a supervisor holding ${gate.override} going past it with a written reason (consentOverride)`
          : `${needed} recorded in intake`,
      );
    }
  }
  return { consentOverridden, awaitingOverride };
}
