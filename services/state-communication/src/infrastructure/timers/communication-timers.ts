import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { CaseDisclosureReader } from '@reprisals/case-access';
import { TimerScheduler, type DueTimer, type TimerHandler } from '@reprisals/durable-timers';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging, type UnitOfWork } from '@reprisals/messaging';
import { serviceSchemaOf } from '@reprisals/persistence';
import type { DataSource } from 'typeorm';
import {
  CommunicationOutcomeWriter,
  recordingIn,
} from '../../application/communication-steps/communication-outcome.writer';
import type { Communication } from '../../domain/communication/communication';
import {
  deadlineDue,
  markDispatchFailed,
  markSent,
  reminderDue,
  stopDispatch,
  type CommunicationOutcome,
} from '../../domain/communication/communication-steps';
import { DISPATCH_PORT, type DispatchPort } from '../../domain/communication/dispatch.port';
import { CommunicationPolicies } from '../policy/communication-policies';
import { CommunicationRepository } from '../persistence/communication.repository';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../persistence/state-communication-data-source';

/**
 * The timers of communications, fired durably: the dispatch (delivered, then marked sent with
 * its schedule), each reminder (sent only while no reply came) and the missed deadline. Each
 * firing commits with its change and events; the dispatch adapter is idempotent by message id,
 * so a firing repeated after a crash sends nothing twice.
 */
@Injectable()
export class CommunicationTimers implements OnApplicationBootstrap, OnModuleDestroy {
  readonly scheduler: TimerScheduler<UnitOfWork>;
  private readonly logger = new Logger('CommunicationTimers');
  private readonly communications = new CommunicationRepository();
  private readonly disclosures = new CaseDisclosureReader();

  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) dataSource: DataSource,
    @Inject(CLOCK) clock: Clock,
    messaging: ServiceMessaging,
    private readonly writer: CommunicationOutcomeWriter,
    private readonly policies: CommunicationPolicies,
    @Inject(DISPATCH_PORT) private readonly dispatch: DispatchPort,
  ) {
    const on = (
      decide: (
        current: Communication,
        timer: DueTimer,
        unit: UnitOfWork,
        now: Date,
      ) => Promise<CommunicationOutcome | undefined>,
    ): TimerHandler<UnitOfWork> => ({
      fire: async (timer, unit, now) => {
        const current = await this.communications.lock(unit.manager, timer.subject.split('/')[0]!);
        if (!current) return;
        const outcome = await decide(current, timer, unit, now);
        if (!outcome) return;
        await this.writer.apply(
          unit.manager,
          outcome,
          recordingIn(unit, outcome.communication, {
            actor: { kind: 'system', service: 'state-communication' },
            now,
          }),
          now,
        );
      },
    });
    this.scheduler = new TimerScheduler<UnitOfWork>({
      dataSource,
      clock,
      owner: `state-communication-${process.pid}-${randomUUID()}`,
      handlers: {
        dispatch: on((current, _timer, unit, now) => this.send(current, unit, now)),
        reminder: on(async (current, timer, unit, now) => {
          const number = Number(timer.subject.split('/')[1]);
          const outcome = reminderDue(current, number, now);
          if (outcome) await this.deliver(unit, current, `${current.id}-reminder-${number}`, true);
          return outcome;
        }),
        'deadline-missed': on(async (current, _timer, _unit, now) => deadlineDue(current, now)),
      },
      transaction: (work) => messaging.outbox.run(work),
      pollIntervalMs: Number(process.env['COMMUNICATION_TIMER_POLL_MS'] ?? 1_000),
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
  }

  /** The last check before it leaves: consent and protection again, then the delivery. */
  private async send(
    current: Communication,
    unit: UnitOfWork,
    now: Date,
  ): Promise<CommunicationOutcome | undefined> {
    if (current.status !== 'dispatching') return undefined;
    // A call for input says nothing of any case: only a case's letters pass its gates again.
    if (current.caseId !== null) {
      const disclosure = await this.disclosures.disclosureOf(unit.manager, current.caseId);
      if (disclosure.protection.withheld) return stopDispatch(current, 'protection-risk', now);
      if (disclosure.raiseWithState === 'no') return stopDispatch(current, 'no-consent', now);
    }
    const policy = this.policies.inForce(now);
    try {
      await this.deliver(unit, current, current.id, false);
    } catch (error) {
      this.logger.warn({
        msg: 'dispatch failed',
        communicationId: current.id,
        error: error instanceof Error ? error.name : 'error',
      });
      return markDispatchFailed(current, policy, now);
    }
    return markSent(current, policy, now);
  }

  private async deliver(
    unit: UnitOfWork,
    current: Communication,
    messageId: string,
    reminder: boolean,
  ): Promise<void> {
    const [contact] = await unit.manager.query<{ email: string }[]>(
      `SELECT "email" FROM "${serviceSchemaOf(unit.manager.connection)}"."mission_contact" WHERE "state_code" = $1`,
      [current.stateConcerned],
    );
    if (!contact) throw new Error('No contact for the Permanent Mission');
    await this.dispatch.deliver({
      messageId,
      to: contact.email,
      subject: reminder ? `Reminder: ${current.subject}` : current.subject,
      body: current.body,
      language: current.language,
    });
  }
}
