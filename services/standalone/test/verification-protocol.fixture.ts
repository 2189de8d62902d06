import type { ServiceName } from '@reprisals/contracts';
import { eventually } from '@reprisals/testing';
import type { Role } from '@reprisals/security';
import { as, call, queryRows, validAllegation } from './system.fixture';

export const LEAD = 'OHCHR';
/** The officer who proposes, and the two supervisors: four eyes need another person. */
export const OFFICER = 'verification-officer-1';
export const SUPERVISOR = 'supervisor-1';

export const CONSENT_TO_RAISE = {
  scopes: { raiseWithState: 'named', shareWithUnEntities: 'yes', publish: 'anonymous' },
  givenBy: 'victim',
  givenOn: '2026-05-01',
  form: 'written',
} as const;

/** Steps that take a registered case to verification, screened in scope and rated at `risk`. */
export const screenedAt = (risk: string, urgency = 'urgent') => [
  { action: 'begin-screening' },
  { action: 'screen', inScope: true, cooperationCategory: 'a', perpetratorType: 'state' },
  { action: 'assess-risk', risk, urgency },
];

/**
 * What the verification routes are called with: `urlOf` gives each service's address (one
 * address for all of them in standalone mode), `databaseUrl` the system's database.
 */
export function protocolClient(urlOf: (service: ServiceName) => string, databaseUrl: () => string) {
  const baseUrl = () => urlOf('verification');
  const intakeUrl = () => urlOf('intake');
  const asRole = (role: Role, sub: string) => as(role, LEAD, sub);
  const client = {
    /** An allegation recorded in intake (with consent to raise it if asked), once verification has opened it. */
    async recordCase(options: { consent?: boolean; state?: string } = {}): Promise<string> {
      const created = await call(intakeUrl(), 'POST', '/intake/allegations', {
        ...(await as('intake-officer', LEAD)),
        body: { ...validAllegation, ...(options.state ? { stateConcerned: options.state } : {}) },
      });
      if (created.status !== 201) throw new Error(`allegation not recorded: ${created.status}`);
      const caseId: string = created.body.id;
      if (options.consent) {
        const consent = await call(intakeUrl(), 'POST', `/intake/allegations/${caseId}/consent`, {
          ...(await as('intake-officer', LEAD)),
          body: CONSENT_TO_RAISE,
        });
        if (consent.status !== 201) throw new Error(`consent not recorded: ${consent.status}`);
      }
      await eventually(async () => (await client.read(caseId)).status === 200);
      // The consent gate reads verification's own projection of intake's consent.
      if (options.consent) await client.consentProjected(caseId, 1);
      return caseId;
    },
    async consentProjected(caseId: string, version: number): Promise<void> {
      await eventually(async () => {
        const rows = await queryRows<{ version: number }>(
          databaseUrl(),
          'SELECT version FROM verification.case_consent WHERE case_id = $1',
          [caseId],
        );
        return (rows[0]?.version ?? 0) >= version;
      });
    },
    read: async (caseId: string) =>
      call(baseUrl(), 'GET', `/verification/cases/${caseId}`, await asRole('verification-officer', OFFICER)),
    step: async (caseId: string, body: unknown, sub = OFFICER, role: Role = 'verification-officer') =>
      call(baseUrl(), 'POST', `/verification/cases/${caseId}/transitions`, {
        ...(await asRole(role, sub)),
        body,
      }),
    /** Takes steps one after another; throws at the first that is not 200. */
    async walk(caseId: string, ...bodies: unknown[]): Promise<any> {
      let last: any;
      for (const body of bodies) {
        const answer = await client.step(caseId, body);
        if (answer.status !== 200)
          throw new Error(`${JSON.stringify(body)} answered ${answer.status} ${JSON.stringify(answer.body)}`);
        last = answer.body;
      }
      return last;
    },
    /**
     * A case screened in scope at `risk`, corroborated, concluded `verified` by the officer and
     * approved by a supervisor: waiting for its response decision.
     */
    async verifiedCase(options: {
      consent: boolean;
      risk?: string;
      urgency?: string;
      state?: string;
    }): Promise<string> {
      const caseId = await client.recordCase({
        consent: options.consent,
        ...(options.state ? { state: options.state } : {}),
      });
      const assessed = await client.walk(caseId, ...screenedAt(options.risk ?? 'high', options.urgency), {
        action: 'record-corroboration',
        kind: 'witness-testimony',
        reliability: 'usually-reliable',
        credibility: 'probably-true',
        reference: 'S-7KQ2',
      });
      const proposed = await client.walk(caseId, {
        action: 'conclude-verification',
        outcome: 'verified',
        concludedOn: assessed.openedAt.slice(0, 10),
        corroborationIds: [assessed.corroborations[0].id],
      });
      const approved = await client.approve(pendingApprovalOf(proposed));
      if (approved.status !== 200) throw new Error(`conclusion not approved: ${approved.status}`);
      return caseId;
    },
    /** Proposes a response action as the officer and has a supervisor approve it: the case as it then is. */
    async decide(caseId: string, action: Record<string, unknown>): Promise<any> {
      const proposed = await client.walk(caseId, { action: 'propose-action', priority: 'high', ...action });
      const approved = await client.approve(pendingApprovalOf(proposed));
      if (approved.status !== 200)
        throw new Error(`action not approved: ${approved.status} ${JSON.stringify(approved.body)}`);
      return approved.body;
    },
    approve: async (approvalId: string, sub = SUPERVISOR, body: unknown = {}) =>
      call(baseUrl(), 'POST', `/verification/approvals/${approvalId}/approve`, {
        ...(await asRole('supervisor', sub)),
        body,
      }),
    decisions: async (caseId: string) =>
      call(
        baseUrl(),
        'GET',
        `/verification/cases/${caseId}/decisions`,
        await asRole('verification-officer', OFFICER),
      ),
  };
  return client;
}

/** The approval a case waits for. */
export const pendingApprovalOf = (view: { approvals: { id: string; status: string }[] }): string =>
  view.approvals.find((approval) => approval.status === 'pending')!.id;
