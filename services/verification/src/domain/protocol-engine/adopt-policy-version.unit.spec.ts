import { ProtocolPolicies } from '../../infrastructure/policy/protocol-policies';
import { ResponseProtocolPolicy } from '../protocol-policy/response-protocol-policy';
import {
  FULL_CONSENT,
  contextFor,
  officer,
  registeredCase,
  supervisor,
  v1,
  walk,
} from './protocol-engine.test-support';
import { ProtocolRefused } from './protocol-refused';
import { takeStep } from './take-step';

/** A later version: same steps, reviews twice as often. */
const v2 = new ResponseProtocolPolicy({
  ...v1.document,
  version: 'response-protocol/v2',
  effectiveFrom: '2026-09-01',
  timers: { ...v1.document.timers, reviewIntervalDays: { low: 45, medium: 30, high: 15, critical: 3 } },
});
const published = new ProtocolPolicies([v1, v2]);

const at = (iso: string) => ({ now: new Date(iso), consent: FULL_CONSENT, withheld: false });
const adopt = (version: string, when: string, who = officer) => {
  const current = walk(registeredCase(), at('2026-05-05T10:00:00Z'), { action: 'begin-screening' }).case;
  return takeStep(
    current,
    { action: 'adopt-policy-version', version },
    { ...contextFor(who, at(when)), policies: published },
  );
};

describe('adopting a later version of the protocol', () => {
  it('given a case under v1, when the officer adopts v2 once in force, then the case runs under v2, the decision names v1 whose rules allowed the move, and the move is published', () => {
    const outcome = adopt('response-protocol/v2', '2026-09-02T08:00:00Z');
    expect(outcome.case.protocolVersion).toBe('response-protocol/v2');
    expect(outcome.decision).toMatchObject({
      step: 'adopt-policy-version',
      policyVersion: 'response-protocol/v1',
    });
    expect(outcome.events.map((event) => [event.definition.type, event.data])).toEqual([
      [
        'PolicyVersionAdopted',
        {
          caseId: outcome.case.caseId,
          fromVersion: 'response-protocol/v1',
          toVersion: 'response-protocol/v2',
        },
      ],
    ]);
    expect(published.inForce(new Date('2026-09-02T08:00:00Z')).version).toBe('response-protocol/v2');
    expect(published.inForce(new Date('2026-08-31T08:00:00Z')).version).toBe('response-protocol/v1');
  });

  it.each([
    ['response-protocol/v2', '2026-08-31T08:00:00Z', 'policy-version', 409],
    ['response-protocol/v7', '2026-09-02T08:00:00Z', 'policy-version', 422],
    ['response-protocol/v1', '2026-09-02T08:00:00Z', 'policy-version', 409],
  ])('given %s on %s, when adopted, then it is refused', (version, when, gate, status) => {
    expect(() => adopt(version, when)).toThrow(expect.objectContaining({ gate, status }) as ProtocolRefused);
  });

  it('given a supervisor, whose role does not decide the response, when adopting, then the performer gate refuses', () => {
    expect(() => adopt('response-protocol/v2', '2026-09-02T08:00:00Z', supervisor)).toThrow(
      expect.objectContaining({ gate: 'performer', status: 403 }) as ProtocolRefused,
    );
  });
});
