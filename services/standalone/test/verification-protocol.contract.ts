import type { ServiceName } from '@reprisals/contracts';
import { eventually } from '@reprisals/testing';
import { as, call } from './system.fixture';
import { CONSENT_TO_RAISE, LEAD, pendingApprovalOf, protocolClient } from './verification-protocol.fixture';

export interface ProtocolContractContext {
  urlOf: (service: ServiceName) => string;
  databaseUrl: string;
  /** How long an event may take from one service to another on this transport. */
  deliveryTimeoutMs: number;
}

/**
 * The response protocol across services, the same on every transport: intake's allegation
 * opens the case in verification, an officer and a supervisor take it to a decided State-facing
 * action, reporting's timeline shows each step with its version, and a consent withdrawn in
 * intake cancels a proposal waiting in verification.
 */
export function describeProtocolAcrossServices(
  transport: string,
  context: () => ProtocolContractContext,
): void {
  describe(`the response protocol across services (${transport})`, () => {
    it('given an allegation with consent, when verified and answered, then reporting shows every step under v1 and a withdrawal in intake cancels the next proposal', async () => {
      const { urlOf, databaseUrl, deliveryTimeoutMs } = context();
      const waitFor = { timeoutMs: deliveryTimeoutMs };
      const protocol = protocolClient(urlOf, () => databaseUrl);
      const caseId = await protocol.verifiedCase({ consent: true, risk: 'medium' });
      const decided = await protocol.decide(caseId, {
        actionType: 'private-engagement',
        priority: 'routine',
      });
      expect(decided.actions[0]).toMatchObject({ status: 'decided', reach: 'state' });

      const types = await eventually(async () => {
        const timeline = await call(
          urlOf('reporting'),
          'GET',
          `/reporting/cases/${caseId}/timeline`,
          await as('reporting-analyst', LEAD),
        );
        const entries = (timeline.body?.entries ?? []) as { type: string; policyVersion: string | null }[];
        const protocolSteps = entries.filter((entry) => entry.policyVersion === 'response-protocol/v1');
        return protocolSteps.some((entry) => entry.type === 'ResponseActionDecided')
          ? protocolSteps.map((entry) => entry.type)
          : undefined;
      }, waitFor);
      expect(types).toEqual(
        expect.arrayContaining([
          'VerificationCaseOpened',
          'CaseScreened',
          'RiskAssessed',
          'CorroborationRecorded',
          'ApprovalRequested',
          'VerificationConcluded',
          'ResponseActionProposed',
          'ResponseActionApproved',
          'ResponseActionDecided',
        ]),
      );

      const letter = await protocol.walk(caseId, {
        action: 'propose-action',
        actionType: 'allegation-letter',
        priority: 'high',
      });
      const withdrawn = await call(
        urlOf('intake'),
        'POST',
        `/intake/allegations/${caseId}/consent/withdrawal`,
        {
          ...(await as('intake-officer', LEAD)),
          body: { withdrawnBy: 'victim', withdrawnOn: CONSENT_TO_RAISE.givenOn, form: 'written' },
        },
      );
      expect(withdrawn.status).toBe(201);
      const cancelled = await eventually(async () => {
        const view = await protocol.read(caseId);
        const pending = view.body.actions.find((a: { type: string }) => a.type === 'allegation-letter');
        return pending?.status === 'cancelled' ? view.body : undefined;
      }, waitFor);
      expect(
        cancelled.approvals.find((a: { id: string }) => a.id === pendingApprovalOf(letter))?.status,
      ).toBe('cancelled');
      // The decided engagement was not proposed any more: it is cancelled too, the State must not hear of it.
      expect(cancelled.actions[0]).toMatchObject({ type: 'private-engagement', status: 'cancelled' });
    });
  });
}
