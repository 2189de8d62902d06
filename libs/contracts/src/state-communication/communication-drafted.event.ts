import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { stateCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { communicationKindSchema, communicationLanguageSchema } from './communication-vocabulary';

/** A communication to the State concerned was drafted from its template (by a liaison, or for a decided response action). */
export const CommunicationDrafted = defineEvent({
  type: 'CommunicationDrafted',
  wireType: 'org.un.reprisals.state-communication.communication-drafted',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description:
    'A communication to the State concerned was drafted from its template (by a liaison, or for a decided response action).',
  schema: z
    .object({
      caseId: z.uuid(),
      communicationId: z.uuid(),
      kind: communicationKindSchema,
      language: communicationLanguageSchema,
      stateConcerned: stateCodeSchema,
      responseActionId: z.uuid().optional(),
    })
    .strict(),
});

export type CommunicationDraftedData = DataOf<typeof CommunicationDrafted>;
export type CommunicationDraftedEvent = EventOf<typeof CommunicationDrafted>;
