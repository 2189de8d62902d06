import { z } from 'zod';
import { defineEvent, type DataOf, type EventDefinition, type EventOf } from '../integration-event';
import { SERVICE_NAMES, type ServiceName } from '../service-name';
import { Topics } from '../topics';

const auditRecordedSchema = z
  .object({
    recordId: z.uuid(),
    seq: z.string().regex(/^\d+$/),
    caseId: z.uuid(),
    service: z.enum(SERVICE_NAMES),
    action: z.string().min(1).max(100),
    outcome: z.enum(['allowed', 'denied']),
    reason: z.string().max(100).nullable(),
    actorKind: z.enum(['user', 'system']),
    actorSub: z.string().max(200).nullable(),
    actorEntity: z.string().max(64).nullable(),
    actorRole: z.string().max(64).nullable(),
    target: z.string().max(300).nullable(),
    policyVersion: z.string().max(100).nullable(),
    recordedAt: z.iso.datetime({ offset: true }),
    /** The record's hash in its service's chain: the copy can be checked against the chain. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

type AuditRecordedDefinition = EventDefinition<'AuditRecorded', typeof auditRecordedSchema>;

function auditRecordedBy(service: ServiceName): AuditRecordedDefinition {
  return defineEvent({
    type: 'AuditRecorded',
    wireType: `org.un.reprisals.${service}.audit-recorded`,
    version: 1,
    producer: service,
    topic: Topics[service],
    description: `${service} recorded a step or a read of a case in its audit trail (ids only).`,
    schema: auditRecordedSchema,
  });
}

/**
 * Every service publishes the audit records it keeps about a case, so that the audit of a case
 * can be read across services. One definition per producing service, each on its own topic.
 */
export const AuditRecorded: Record<ServiceName, AuditRecordedDefinition> = {
  intake: auditRecordedBy('intake'),
  verification: auditRecordedBy('verification'),
  'state-communication': auditRecordedBy('state-communication'),
  reporting: auditRecordedBy('reporting'),
};

export type AuditRecordedData = DataOf<AuditRecordedDefinition>;
export type AuditRecordedEvent = EventOf<AuditRecordedDefinition>;
