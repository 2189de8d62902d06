import { z } from 'zod';
import { defineEvent, type DataOf, type EventDefinition, type EventOf } from '../integration-event';
import { SERVICE_NAMES, type ServiceName } from '../service-name';
import { Topics } from '../topics';

/**
 * The id of each service's audit chain. Events about a chain are keyed by it, where events about
 * a case are keyed by the case id, so a service's checkpoints stay in order.
 */
export const AUDIT_CHAIN_IDS: Record<ServiceName, string> = {
  intake: '6f1c0a52-2f7e-4c3e-9a51-0a1d7e3b0001',
  verification: '6f1c0a52-2f7e-4c3e-9a51-0a1d7e3b0002',
  'state-communication': '6f1c0a52-2f7e-4c3e-9a51-0a1d7e3b0003',
  reporting: '6f1c0a52-2f7e-4c3e-9a51-0a1d7e3b0004',
};

const auditCheckpointSignedSchema = z
  .object({
    checkpointId: z.uuid(),
    service: z.enum(SERVICE_NAMES),
    lastSeq: z.string().regex(/^\d+$/),
    headHash: z.string().regex(/^[0-9a-f]{64}$/),
    recordCount: z.number().int().nonnegative(),
    keyId: z.string().min(1).max(100),
    algorithm: z.literal('Ed25519'),
    signature: z.string().min(1).max(200),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .strict();

type AuditCheckpointSignedDefinition = EventDefinition<
  'AuditCheckpointSigned',
  typeof auditCheckpointSignedSchema
>;

function auditCheckpointSignedBy(service: ServiceName): AuditCheckpointSignedDefinition {
  return defineEvent({
    type: 'AuditCheckpointSigned',
    wireType: `org.un.reprisals.${service}.audit-checkpoint-signed`,
    version: 1,
    producer: service,
    topic: Topics[service],
    description: `${service} signed the head of its audit chain; a copy held elsewhere proves the past was not rewritten.`,
    schema: auditCheckpointSignedSchema,
  });
}

export const AuditCheckpointSigned: Record<ServiceName, AuditCheckpointSignedDefinition> = {
  intake: auditCheckpointSignedBy('intake'),
  verification: auditCheckpointSignedBy('verification'),
  'state-communication': auditCheckpointSignedBy('state-communication'),
  reporting: auditCheckpointSignedBy('reporting'),
};

export type AuditCheckpointSignedData = DataOf<AuditCheckpointSignedDefinition>;
export type AuditCheckpointSignedEvent = EventOf<AuditCheckpointSignedDefinition>;
