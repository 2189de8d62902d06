import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SharingConsent } from '../../domain/case-share';

/**
 * What the victim's consent says about sharing the case with other UN entities.
 * Intake does not record consent yet: until it does, no case has consent to share, so every
 * share needs a supervisor's written, audited override. The gate fails closed, never open.
 */
@Injectable()
export class SharingConsentReader {
  async consentOf(_manager: EntityManager, _caseId: string): Promise<SharingConsent> {
    return 'not-recorded';
  }
}
