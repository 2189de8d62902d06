import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import {
  calendarDateSchema,
  caseReferenceSchema,
  entityCodeSchema,
  intakeChannelSchema,
  stateCodeSchema,
} from '../shared-schemas';
import { Topics } from '../topics';

/** An entity recorded an allegation of intimidation or reprisal. Carries no identity. */
export const AllegationReceived = defineEvent({
  type: 'AllegationReceived',
  wireType: 'org.un.reprisals.intake.allegation-received',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'An allegation was recorded at intake and a case opened with a stable id and reference.',
  schema: z
    .object({
      caseId: z.uuid(),
      reference: caseReferenceSchema,
      stateConcerned: stateCodeSchema,
      receivedVia: intakeChannelSchema,
      receivedOn: calendarDateSchema,
      leadEntity: entityCodeSchema,
    })
    .strict(),
});

export type AllegationReceivedData = DataOf<typeof AllegationReceived>;
export type AllegationReceivedEvent = EventOf<typeof AllegationReceived>;
