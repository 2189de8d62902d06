import type { ProtocolStepRule } from '../protocol-policy/response-protocol-policy.schema';
import type { ProtocolStep } from '../protocol-policy/protocol-steps';
import type { VerificationCase } from '../verification-case';
import type { StepContext } from './protocol-command';
import { ProtocolRefused } from './protocol-refused';

/**
 * The rule of a step, once the protocol allows it here: the case's version describes the step,
 * the caller's entity leads the case, the caller holds the performer's permission, and the case
 * is in a stage the step starts from (on the urgent track, also the urgent stages).
 */
export function allowedStep(
  current: VerificationCase,
  step: ProtocolStep,
  context: StepContext,
): { rule: ProtocolStepRule; onUrgentTrackOnly: boolean } {
  const { policy, caller } = context;
  const rule = policy.step(step);
  if (!rule)
    throw new ProtocolRefused(
      'step',
      `${policy.version} has no step ${step}`,
      'adopt a protocol version that has it',
    );
  if (caller.entity !== current.leadEntity)
    throw new ProtocolRefused(
      'lead-entity',
      'only the lead entity takes the steps of the protocol',
      `an officer of ${current.leadEntity}, or a transfer of the lead`,
      403,
    );
  if (!caller.permissions.includes(rule.performer))
    throw new ProtocolRefused(
      'performer',
      `${step} is performed with ${rule.performer}`,
      `a person whose role grants ${rule.performer}`,
      403,
    );
  const onUrgentTrackOnly = stageOf(current, rule);
  if (onUrgentTrackOnly !== undefined) return { rule, onUrgentTrackOnly };
  throw new ProtocolRefused(
    'stage',
    `${step} is not taken from the stage ${current.stage}`,
    `a case in ${[...rule.from, ...(current.track === 'urgent' ? (rule.urgentTrackFrom ?? []) : [])].join(', ')}`,
  );
}

/**
 * Whether the case's stage lets the step be taken: false when its ordinary stages do, true when
 * only the urgent track does, undefined when neither.
 */
export function stageOf(current: VerificationCase, rule: ProtocolStepRule): boolean | undefined {
  if (rule.from.includes(current.stage)) return false;
  if (current.track === 'urgent' && rule.urgentTrackFrom?.includes(current.stage)) return true;
  return undefined;
}
