import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AuditCheckpointView } from '@reprisals/audit';
import { AUDIT_CHAIN_IDS, AuditCheckpointSigned, createEvent, type ServiceName } from '@reprisals/contracts';
import type { ServiceMessaging } from '@reprisals/messaging';
import { AuditTrailRegistry } from './audit-trail.registry';

/** How often each service signs the head of its audit chain (AUDIT_CHECKPOINT_INTERVAL_MS). */
const DEFAULT_INTERVAL_MS = 60_000;

/**
 * Signs the head of every hosted service's audit chain at an interval and once more at shutdown,
 * and publishes each checkpoint as an event (in the checkpoint's transaction), so that another
 * service holds a copy that a rewritten past would no longer match.
 */
@Injectable()
export class AuditCheckpoints implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditCheckpoints');
  private readonly publishers = new Map<string, ServiceMessaging>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly registry: AuditTrailRegistry) {}

  publishThrough(service: ServiceName, messaging: ServiceMessaging): void {
    this.publishers.set(service, messaging);
  }

  onApplicationBootstrap(): void {
    const interval = Number(process.env['AUDIT_CHECKPOINT_INTERVAL_MS'] ?? DEFAULT_INTERVAL_MS);
    if (!Number.isFinite(interval) || interval < 1_000)
      throw new Error('AUDIT_CHECKPOINT_INTERVAL_MS must be at least 1000');
    this.timer = setInterval(() => void this.takeAll(), interval);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.takeAll();
  }

  /** Signs every chain that grew since its last checkpoint. */
  async takeAll(): Promise<AuditCheckpointView[]> {
    const taken: AuditCheckpointView[] = [];
    for (const [service, messaging] of this.publishers) {
      const trail = this.registry.of(service);
      if (!trail) continue;
      try {
        const checkpoint = await trail.checkpoint(async (manager, signed) => {
          await messaging.appendInTransaction(manager, [
            createEvent(
              AuditCheckpointSigned[service as ServiceName],
              {
                checkpointId: signed.id,
                service: service as ServiceName,
                lastSeq: signed.lastSeq,
                headHash: signed.headHash,
                recordCount: signed.recordCount,
                keyId: signed.keyId,
                algorithm: signed.algorithm,
                signature: signed.signature,
                createdAt: signed.createdAt,
              },
              {
                caseId: AUDIT_CHAIN_IDS[service as ServiceName],
                actor: { kind: 'system', service: service as ServiceName },
                occurredAt: new Date(signed.createdAt),
              },
            ),
          ]);
        });
        if (checkpoint) taken.push(checkpoint);
      } catch (error) {
        this.logger.warn({
          msg: 'audit checkpoint failed',
          service,
          error: error instanceof Error ? error.name : 'error',
        });
        throw error;
      }
    }
    return taken;
  }
}
