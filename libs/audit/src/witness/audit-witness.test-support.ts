import type { DataSource } from 'typeorm';
import {
  AUDIT_CHAIN_IDS,
  AuditCheckpointSigned,
  createEvent,
  type AuditCheckpointSignedEvent,
  type ServiceName,
} from '@reprisals/contracts';
import type { AuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import { KeepAuditCheckpointHandler } from './keep-audit-checkpoint.handler';

/** The event a service publishes about one of its checkpoints, as the platform writes it. */
export function checkpointSigned(
  service: ServiceName,
  checkpoint: AuditCheckpointView,
): AuditCheckpointSignedEvent {
  return createEvent(
    AuditCheckpointSigned[service],
    {
      checkpointId: checkpoint.id,
      service,
      lastSeq: checkpoint.lastSeq,
      headHash: checkpoint.headHash,
      recordCount: checkpoint.recordCount,
      keyId: checkpoint.keyId,
      algorithm: checkpoint.algorithm,
      signature: checkpoint.signature,
      createdAt: checkpoint.createdAt,
    },
    {
      caseId: AUDIT_CHAIN_IDS[service],
      actor: { kind: 'system', service },
      occurredAt: new Date(checkpoint.createdAt),
    },
  );
}

/** Delivers the event to the witness's handler, in a transaction as the consumer runs it. */
export async function deliverToWitness(
  witness: DataSource,
  event: AuditCheckpointSignedEvent,
): Promise<void> {
  await witness.transaction('READ COMMITTED', (manager) =>
    new KeepAuditCheckpointHandler().handle(event, {
      manager,
      now: new Date(),
      emit: () => {
        throw new Error('the witness publishes nothing');
      },
    }),
  );
}
