import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import type { ActingUser } from '@reprisals/security';
import type { RegisteredEntity, Registry } from '../domain/un-entity-registry';
import {
  loadRegistry,
  lockRegistry,
  saveRegisteredEntity,
} from '../infrastructure/persistence/un-entity-registry.repository';

/**
 * One registry edit: the registry is locked and read, the domain decides the entity's new state,
 * and the write and its audit record commit together.
 */
@Injectable()
export class EntityRegistryEditor {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async edit(
    user: ActingUser,
    request: Pick<AuditEntry, 'requestId' | 'traceId'>,
    target: string,
    decide: (registry: Registry) => RegisteredEntity,
  ): Promise<RegisteredEntity> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      await lockRegistry(unit.manager);
      const registry = await loadRegistry(unit.manager);
      const after = decide(registry);
      await saveRegisteredEntity(unit.manager, registry.get(after.code), after, { sub: user.sub, at: now });
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...request,
        action: user.permission,
        target,
        outcome: 'allowed',
      });
      return after;
    });
  }
}
