import type { VerificationCase } from '../verification-case';
import { adoptPolicyVersion, assessRisk, beginScreening, close, screen } from './case-steps';
import type { ProtocolCommand, StepContext } from './protocol-command';
import type { ProtocolOutcome } from './protocol-outcome';
import { completeAction, proposeAction, withdrawAction } from './response-steps';
import { proposeConclusion, recordCorroboration } from './verification-steps';

/**
 * The protocol engine: one step on one case, under the case's version of the rules. Returns the
 * changed case, what to publish, the timers to set or cancel and the decision to record, or
 * throws ProtocolRefused with the gate that refused it; the case is never changed in place.
 */
export function takeStep(
  current: VerificationCase,
  command: ProtocolCommand,
  context: StepContext,
): ProtocolOutcome {
  switch (command.action) {
    case 'begin-screening':
      return beginScreening(current, context);
    case 'screen':
      return screen(current, command, context);
    case 'assess-risk':
      return assessRisk(current, command, context);
    case 'record-corroboration':
      return recordCorroboration(current, command, context);
    case 'conclude-verification':
      return proposeConclusion(current, command, context);
    case 'propose-action':
      return proposeAction(current, command, context);
    case 'withdraw-action':
      return withdrawAction(current, command, context);
    case 'complete-action':
      return completeAction(current, command, context);
    case 'close':
      return close(current, command, context);
    case 'adopt-policy-version':
      return adoptPolicyVersion(current, command, context);
  }
}
