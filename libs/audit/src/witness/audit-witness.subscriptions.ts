import { AuditCheckpointSigned, type ServiceName } from '@reprisals/contracts';
import { subscribe, type Subscription } from '@reprisals/messaging';
import { KeepAuditCheckpointHandler } from './keep-audit-checkpoint.handler';

export interface AuditWitness {
  /** The service keeping the copies, in its own `audit_checkpoint_copy` table. */
  witness: ServiceName;
  /** The services whose signed checkpoints it keeps; never itself. */
  of: readonly ServiceName[];
}

/**
 * The subscriptions that make a service the witness of other services' audit chains, under stable
 * names (`keep-audit-checkpoint-<producer>`). A chain witnessed by its own service proves nothing
 * against whoever controls that service's database, so a service cannot witness itself. In the
 * witness's `*.subscriptions.ts`:
 *
 * ```ts
 * this.messaging.consumer.register(...auditWitnessSubscriptions({ witness: 'intake', of: ['reporting'] }));
 * ```
 */
export function auditWitnessSubscriptions(options: AuditWitness): Subscription[] {
  if (options.of.includes(options.witness)) {
    throw new Error(`${options.witness} cannot witness its own audit chain`);
  }
  const handler = new KeepAuditCheckpointHandler();
  return options.of.map((producer) =>
    subscribe(`keep-audit-checkpoint-${producer}`, AuditCheckpointSigned[producer], handler),
  );
}
