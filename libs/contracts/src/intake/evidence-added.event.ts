import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** A media type without parameters, as intake stores it: `application/pdf`, `audio/mpeg`. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

/**
 * A file of evidence (a document, an image, a recording) was attached to a case. The file, its
 * name, its description and its checksum stay in intake, sealed with the case's data key: the
 * event says only that there is one more attachment, of which type and size.
 */
export const EvidenceAdded = defineEvent({
  type: 'EvidenceAdded',
  wireType: 'org.un.reprisals.intake.evidence-added',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'A file of evidence was attached to a case; its name and content stay sealed in intake.',
  schema: z
    .object({
      caseId: z.uuid(),
      attachmentId: z.uuid(),
      contentType: z.string().regex(MEDIA_TYPE),
      /** Bytes of the file as it was given (before sealing). */
      size: z.number().int().positive(),
    })
    .strict(),
});

export type EvidenceAddedData = DataOf<typeof EvidenceAdded>;
export type EvidenceAddedEvent = EventOf<typeof EvidenceAdded>;
