import type { DataSource, EntityManager } from 'typeorm';
import { NO_CONSENT, type ConsentScopes } from '@reprisals/contracts';
import { CaseConsentEntity } from '../persistence/case-consent.entity';

export interface CaseConsent extends ConsentScopes {
  /** 0 while no consent is known for the case. */
  version: number;
  withdrawn: boolean;
}

/**
 * "What does consent allow for this case right now?", from the service's own projection. A case
 * without recorded consent allows nothing: every gate that reads this fails closed.
 */
export class CaseConsentReader {
  async consentOf(source: DataSource | EntityManager, caseId: string): Promise<CaseConsent> {
    const manager = 'manager' in source ? source.manager : source;
    const row = await manager.getRepository(CaseConsentEntity).findOneBy({ caseId });
    if (!row) return { ...NO_CONSENT, version: 0, withdrawn: false };
    return {
      raiseWithState: row.raiseWithState,
      shareWithUnEntities: row.shareWithUnEntities,
      publish: row.publish,
      version: row.version,
      withdrawn: row.withdrawn,
    };
  }
}
