import { z } from 'zod';
import { SERVICE_NAMES } from './service-name';

/** Who caused an event: a person acting through a token, or a service acting on its own rules. */
export const actorRefSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('user'),
      /** The token subject: an opaque account id, never a name. */
      sub: z.string().min(1).max(200),
      entity: z.string().min(1).max(64),
      role: z.string().min(1).max(64),
    })
    .strict(),
  z
    .object({
      kind: z.literal('system'),
      service: z.enum(SERVICE_NAMES),
      entity: z.string().min(1).max(64).optional(),
    })
    .strict(),
]);
export type ActorRef = z.infer<typeof actorRefSchema>;

export const eventMetadataSchema = z
  .object({
    eventId: z.uuid(),
    /** The case the event is about: CloudEvents subject and the Kafka key. */
    caseId: z.uuid(),
    occurredAt: z.iso.datetime({ offset: true }),
    producer: z.enum(SERVICE_NAMES),
    schemaVersion: z.number().int().positive(),
    actor: actorRefSchema,
    /** The version of the published rules under which the step was taken, where rules apply. */
    policyVersion: z.string().min(1).max(100).optional(),
    correlationId: z.uuid(),
    causationId: z.uuid().optional(),
  })
  .strict();
export type EventMetadata = z.infer<typeof eventMetadataSchema>;
