import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { PROTOCOL_STAGES } from './verification-case-opened.event';
import { protectionRiskSchema, protocolTrackSchema, urgencySchema } from './verification-vocabulary';

/** The protection risk and urgency were assessed; a critical or imminent risk takes the urgent track. */
export const RiskAssessed = defineEvent({
  type: 'RiskAssessed',
  wireType: 'org.un.reprisals.verification.risk-assessed',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description:
    'The protection risk and urgency were assessed; a critical or imminent risk takes the urgent track.',
  schema: z
    .object({
      caseId: z.uuid(),
      risk: protectionRiskSchema,
      urgency: urgencySchema,
      track: protocolTrackSchema,
      stage: z.enum(PROTOCOL_STAGES),
    })
    .strict(),
});

export type RiskAssessedData = DataOf<typeof RiskAssessed>;
export type RiskAssessedEvent = EventOf<typeof RiskAssessed>;
