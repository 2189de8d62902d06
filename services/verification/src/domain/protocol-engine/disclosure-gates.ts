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
 * (`requested`), at approval the supervisor holding the gate's override permission decides.
 * Returns whether consent was gone past.
 */
export function passDisclosureGates(
  gates: readonly ProtocolGateRule[],
  action: { reach: ActionReach; naming: ActionNaming | null },
  context: StepContext,
  override: { requested: boolean; decidedBySupervisor: boolean },
): { consentOverridden: boolean } {
  let consentOverridden = false;
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
      const overriding = gate.override && context.caller.permissions.includes(gate.override);
      if (override.requested && (!override.decidedBySupervisor || overriding)) {
        consentOverridden = override.decidedBySupervisor;
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
  return { consentOverridden };
}
