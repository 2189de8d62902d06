import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { entityCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { shareConsentBasisSchema, shareScopeSchema } from './sharing-schemas';

/**
 * The lead entity offered a case to another UN entity. The offer grants nothing until the
 * receiving entity accepts it. Carries no purpose text: the purpose stays in intake.
 */
export const CaseShared = defineEvent({
  type: 'CaseShared',
  wireType: 'org.un.reprisals.intake.case-shared',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The lead entity offered the case to another UN entity, with a scope and an optional expiry.',
  schema: z
    .object({
      caseId: z.uuid(),
      shareId: z.uuid(),
      leadEntity: entityCodeSchema,
      entity: entityCodeSchema,
      scope: shareScopeSchema,
      expiresAt: z.iso.datetime({ offset: true }).optional(),
      consentBasis: shareConsentBasisSchema,
    })
    .strict(),
});

export type CaseSharedData = DataOf<typeof CaseShared>;
export type CaseSharedEvent = EventOf<typeof CaseShared>;
