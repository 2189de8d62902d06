import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SharingConsent } from '../../domain/case-share';
import { sharingConsentOf } from '../../domain/consent';
import { currentConsentOf } from '../persistence/consent.repository';

/**
 * What the consent in force says about sharing the case with other UN entities. Read inside
 * the caller's transaction, after the case is locked, so a concurrent withdrawal is seen.
 */
@Injectable()
export class SharingConsentReader {
  async consentOf(manager: EntityManager, caseId: string): Promise<SharingConsent> {
    return sharingConsentOf(await currentConsentOf(manager, caseId));
  }
}
