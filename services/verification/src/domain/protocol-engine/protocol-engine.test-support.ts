import { loadAccessPolicy, type Permission, type Role } from '@reprisals/security';
import { NO_CONSENT, type ConsentScopes } from '@reprisals/contracts';
import { loadResponseProtocolPolicies } from '../../infrastructure/policy/response-protocol-policy.loader';
import { ProtocolPolicies } from '../../infrastructure/policy/protocol-policies';
import { openVerificationCase, type VerificationCase } from '../verification-case';
import type { ApprovalCommand, ProtocolCaller, ProtocolCommand, StepContext } from './protocol-command';
import { decideApproval } from './decide-approval';
import type { ProtocolOutcome } from './protocol-outcome';
import { takeStep } from './take-step';

const access = loadAccessPolicy();
/** The published versions, as the service loads them. */
export const policies = new ProtocolPolicies(loadResponseProtocolPolicies());
export const v1 = policies.get('response-protocol/v1')!;

export function caller(role: Role, sub: string, entity = 'OHCHR'): ProtocolCaller {
  return { sub, entity, role, permissions: [...access.permissionsOf({ roles: [role] })] as Permission[] };
}

export const officer = caller('verification-officer', 'officer-1');
export const supervisor = caller('supervisor', 'supervisor-1');
export const secondSupervisor = caller('supervisor', 'supervisor-2');

export const FULL_CONSENT: ConsentScopes = {
  raiseWithState: 'named',
  shareWithUnEntities: 'yes',
  publish: 'named',
};
export { NO_CONSENT };

let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

/** A freshly registered case against a State, opened at a given time. */
export function registeredCase(state = 'BLR', openedAt = new Date('2026-05-04T09:00:00Z')): VerificationCase {
  return openVerificationCase(
    { caseId: nextId(), reference: 'REP-2026-000001', stateConcerned: state, leadEntity: 'OHCHR' },
    { protocolVersion: v1.version, now: openedAt },
  );
}

export interface World {
  now: Date;
  consent: ConsentScopes;
  withheld: boolean;
}

export function contextFor(who: ProtocolCaller, world: World): StepContext {
  return {
    policy: v1,
    policies,
    caller: who,
    now: world.now,
    disclosure: { consent: world.consent, withheld: world.withheld },
    newId: nextId,
  };
}

/** Takes steps one after another as the officer, returning the last outcome. */
export function walk(
  current: VerificationCase,
  world: World,
  ...commands: ProtocolCommand[]
): ProtocolOutcome {
  let outcome: ProtocolOutcome = { case: current, events: [], timers: [], decision: null };
  for (const command of commands) outcome = takeStep(outcome.case, command, contextFor(officer, world));
  return outcome;
}

export function approve(
  current: VerificationCase,
  approvalId: string,
  world: World,
  who: ProtocolCaller = supervisor,
  command: ApprovalCommand = { decision: 'approve' },
): ProtocolOutcome {
  return decideApproval(current, approvalId, command, contextFor(who, world));
}

/** The steps that take a registered case to the response decision, in scope, assessed and verified. */
export const TO_VERIFICATION: ProtocolCommand[] = [
  { action: 'begin-screening' },
  { action: 'screen', inScope: true, cooperationCategory: 'a', perpetratorType: 'state' },
  { action: 'assess-risk', risk: 'high', urgency: 'urgent' },
  {
    action: 'record-corroboration',
    kind: 'document',
    reliability: 'usually-reliable',
    credibility: 'probably-true',
  },
];

export const eventTypes = (outcome: ProtocolOutcome) => outcome.events.map((event) => event.definition.type);
