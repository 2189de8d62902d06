import { SERVICE_NAMES, type ServiceName } from '@reprisals/contracts';
import type { Role } from '@reprisals/security';
import { call, tokenFor, validAllegation } from './system.fixture';

/** Where a service's routes are served: one base URL in standalone mode, one per process in distributed mode. */
export type ServiceUrls = (service: ServiceName) => string;

/** A supervisor's written reason to share a case that has no consent to share. */
const OVERRIDE_REASON = 'Imminent risk: the receiving entity must act before the hearing';

/** The victim's consent, sharing with other UN entities included. */
export const CONSENT_TO_SHARE = {
  scopes: { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'no' },
  givenBy: 'victim',
  givenOn: validAllegation.receivedOn,
  form: 'written',
};

export interface RecordedCase {
  id: string;
  stateConcerned: string;
}

/**
 * How one service answers an entity about one case: the status of its case read (404 when the
 * entity does not see the case) and, where the service lists cases, whether its list shows it.
 */
export interface CaseView {
  status: number;
  listed?: boolean;
}

export const shows = (view: CaseView): boolean => view.status === 200 && view.listed !== false;
export const hides = (view: CaseView): boolean => view.status === 404 && view.listed !== true;

type Answer = { status: number; body: any };

/**
 * Takes a case through its sharing steps over HTTP, as its users would. A step that is not
 * answered as it should be throws with the answer, so that a fixture never fails silently.
 */
export class CaseSharingSteps {
  constructor(private readonly urlOf: ServiceUrls) {}

  /** A case recorded (and so led) by an intake officer of `entity`. */
  async recordCase(entity: string, stateConcerned = validAllegation.stateConcerned): Promise<RecordedCase> {
    const created = await this.as('intake-officer', entity, 'POST', '/intake/allegations', {
      ...validAllegation,
      stateConcerned,
    });
    return { id: expectAnswer(created, 201, `recording a case for ${entity}`).id, stateConcerned };
  }

  /** An intake officer of the lead records the victim's consent, sharing included. */
  async recordConsent(caseId: string, lead: string): Promise<void> {
    const recorded = await this.as(
      'intake-officer',
      lead,
      'POST',
      `/intake/allegations/${caseId}/consent`,
      CONSENT_TO_SHARE,
    );
    expectAnswer(recorded, 201, `recording consent for case ${caseId}`);
  }

  /** The lead's supervisor offers the case to `to`, with an override for a case without consent. */
  async offerShare(caseId: string, lead: string, to: string): Promise<string> {
    const offered = await this.as('supervisor', lead, 'POST', `/intake/allegations/${caseId}/shares`, {
      entity: to,
      purpose: 'The receiving entity follows up on the allegation',
      scope: 'summary',
      overrideReason: OVERRIDE_REASON,
    });
    return expectAnswer(offered, 201, `offering case ${caseId} to ${to}`).shareId;
  }

  /** A focal point of the receiving entity accepts or declines the offer. */
  async answerShare(
    caseId: string,
    shareId: string,
    entity: string,
    answer: 'accept' | 'decline' = 'accept',
  ): Promise<void> {
    const answered = await this.as(
      'focal-point',
      entity,
      'POST',
      `/intake/allegations/${caseId}/shares/${shareId}/${answer}`,
    );
    expectAnswer(answered, 200, `${answer} of share ${shareId} by ${entity}`);
  }

  async revokeShare(caseId: string, shareId: string, lead: string): Promise<void> {
    const revoked = await this.as(
      'supervisor',
      lead,
      'POST',
      `/intake/allegations/${caseId}/shares/${shareId}/revoke`,
    );
    expectAnswer(revoked, 200, `revoking share ${shareId}`);
  }

  /** The lead's supervisor asks `to` to take over the case. */
  async requestLeadTransfer(caseId: string, lead: string, to: string): Promise<string> {
    const requested = await this.as(
      'supervisor',
      lead,
      'POST',
      `/intake/allegations/${caseId}/lead-transfers`,
      {
        toEntity: to,
        overrideReason: OVERRIDE_REASON,
      },
    );
    return expectAnswer(requested, 201, `asking ${to} to take over case ${caseId}`).transferId;
  }

  /** What every service answers `entity` about the case. */
  async viewOf(recorded: RecordedCase, entity: string): Promise<Record<ServiceName, CaseView>> {
    const views = await Promise.all(
      SERVICE_NAMES.map(async (service) => [service, await this.viewIn(service, recorded, entity)] as const),
    );
    return Object.fromEntries(views) as Record<ServiceName, CaseView>;
  }

  /**
   * What one service answers `entity` about the case, each from its own projection of leads and
   * shares. State-communication has no read of one case but its audit listing of the case,
   * which answers 404 to an entity that does not see it; its State files list the case.
   */
  async viewIn(service: ServiceName, recorded: RecordedCase, entity: string): Promise<CaseView> {
    const { id, stateConcerned } = recorded;
    const listed = (answer: Answer) =>
      answer.status === 200 &&
      (answer.body.cases as Array<{ caseId: string }>).some((entry) => entry.caseId === id);
    switch (service) {
      case 'intake':
        return { status: (await this.as('focal-point', entity, 'GET', `/intake/allegations/${id}`)).status };
      case 'verification':
        return {
          status: (await this.as('verification-officer', entity, 'GET', `/verification/cases/${id}`)).status,
        };
      case 'state-communication':
        return {
          status: (await this.as('auditor', entity, 'GET', `/state-communication/audit?caseId=${id}&limit=1`))
            .status,
          listed: listed(
            await this.as(
              'state-liaison',
              entity,
              'GET',
              `/state-communication/states/${stateConcerned}/cases`,
            ),
          ),
        };
      case 'reporting':
        return {
          status: (await this.as('reporting-analyst', entity, 'GET', `/reporting/cases/${id}/timeline`))
            .status,
          listed: listed(
            await this.as('reporting-analyst', entity, 'GET', `/reporting/cases?state=${stateConcerned}`),
          ),
        };
    }
  }

  private async as(
    role: Role,
    entity: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<Answer> {
    const service = path.split('/')[1] as ServiceName;
    return call(this.urlOf(service), method, path, {
      token: await tokenFor(role, entity, `steps-${role}-${entity}`.toLowerCase()),
      ...(body === undefined ? {} : { body }),
    });
  }
}

function expectAnswer(answer: Answer, status: number, step: string): any {
  if (answer.status !== status) {
    throw new Error(`${step}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}
