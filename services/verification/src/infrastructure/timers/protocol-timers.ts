import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createEvent } from '@reprisals/contracts';
import { TimerScheduler, type TimerHandler } from '@reprisals/durable-timers';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging, type UnitOfWork } from '@reprisals/messaging';
import type { DataSource } from 'typeorm';
import { PROTOCOL_TIMER_KINDS } from '../../domain/protocol-engine/protocol-outcome';
import { reactToTimer } from '../../domain/protocol-engine/protocol-reactions';
import { ProtocolReactionRunner } from '../../application/react-to-other-services/protocol-reaction.runner';
import { VERIFICATION_DATA_SOURCE } from '../persistence/verification-data-source';

/**
 * The protocol's timers (approval waits, review dates, escalation on silence, the urgent
 * track's deadline) fired by a durable scheduler: each firing, the case's change, its events
 * and its audit record commit in one transaction through the outbox, so a timer that falls
 * due while the service is down fires once when it is back, and a crash mid-fire repeats nothing.
 */
@Injectable()
export class ProtocolTimers implements OnApplicationBootstrap, OnModuleDestroy {
  readonly scheduler: TimerScheduler<UnitOfWork>;

  constructor(
    @InjectDataSource(VERIFICATION_DATA_SOURCE) dataSource: DataSource,
    @Inject(CLOCK) clock: Clock,
    messaging: ServiceMessaging,
    runner: ProtocolReactionRunner,
  ) {
    const fire: TimerHandler<UnitOfWork> = {
      fire: async (timer, unit, now) => {
        const kind = PROTOCOL_TIMER_KINDS.find((known) => known === timer.kind)!;
        await runner.react(
          unit.manager,
          timer.caseId,
          now,
          (actor) => (definition, data, policyVersion) => {
            const event = createEvent(definition, data, {
              caseId: timer.caseId,
              actor,
              occurredAt: now,
              policyVersion,
            });
            unit.record(event);
            return event;
          },
          (current, rules) => reactToTimer(current, kind, timer.subject, rules),
          `timer:${timer.kind}:${timer.id}`,
        );
      },
    };
    this.scheduler = new TimerScheduler<UnitOfWork>({
      dataSource,
      clock,
      owner: `verification-${process.pid}-${randomUUID()}`,
      handlers: Object.fromEntries(PROTOCOL_TIMER_KINDS.map((kind) => [kind, fire])),
      transaction: (work) => messaging.outbox.run(work),
      pollIntervalMs: Number(process.env['PROTOCOL_TIMER_POLL_MS'] ?? 1_000),
      logger: new Logger('ProtocolTimers'),
    });
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
  }
}
