import type { DataSource, EntityManager } from 'typeorm';
import { decideDisclosure, type CaseDisclosure } from '../domain/case-disclosure.decision';
import { CaseProtectionEntity } from '../persistence/case-protection.entity';
import { CaseConsentReader, type CaseConsent } from './case-consent.reader';

export interface CaseDisclosureView extends CaseDisclosure {
  consent: CaseConsent;
  protection: { withheld: boolean; level: CaseProtectionEntity['level']; version: number };
}

/**
 * "What may this service do with the case outside the UN right now?", from its own projections
 * of consent and protection flags. Fails closed: a case the projections do not know yet may be
 * neither raised with the State nor published.
 */
export class CaseDisclosureReader {
  private readonly consent = new CaseConsentReader();

  async disclosureOf(source: DataSource | EntityManager, caseId: string): Promise<CaseDisclosureView> {
    const manager = 'manager' in source ? source.manager : source;
    const [consent, row] = await Promise.all([
      this.consent.consentOf(manager, caseId),
      manager.getRepository(CaseProtectionEntity).findOneBy({ caseId }),
    ]);
    const protection = row
      ? { withheld: row.withheld, level: row.level, version: row.version }
      : { withheld: false, level: null, version: 0 };
    return { ...decideDisclosure({ consent, withheld: protection.withheld }), consent, protection };
  }
}
