import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { retryOnConflict } from '@reprisals/persistence';
import { runRefusable } from '@reprisals/service-platform';
import type { ActingUser } from '@reprisals/security';
import type { EntityManager } from 'typeorm';
import type { CallForInputOutcome } from '../../domain/call-for-input/call-for-input-steps';
import type { CallForInput } from '../../domain/call-for-input/call-for-input';
import type { Communication, CommunicationActor } from '../../domain/communication/communication';
import { CommunicationRefused } from '../../domain/communication/communication-refused';
import { CallForInputRepository } from '../../infrastructure/persistence/call-for-input.repository';
import { CommunicationOutcomeWriter } from '../communication-steps/communication-outcome.writer';
import { communicationRefusal } from '../communication-steps/communication-refusal';

/** A call for input that does not exist. */
export class CallForInputNotFound extends Error {
  override readonly name = 'CallForInputNotFound';
}

export interface CallStepContext {
  manager: EntityManager;
  actor: Extract<CommunicationActor, { kind: 'user' }>;
  now: Date;
}

/**
 * Runs a person's step on a call for input in one transaction: the call and its letters locked,
 * the call and every letter's outcome (timers, events keyed by the call) written, the step
 * audited. A refusal changes nothing, is audited as denied and answered with its reason.
 */
@Injectable()
export class CallForInputRunner {
  private readonly calls = new CallForInputRepository();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly writer: CommunicationOutcomeWriter,
  ) {}

  async run(
    callId: string | undefined,
    user: ActingUser,
    request: IncomingMessage,
    decide: (
      current: { call: CallForInput; letters: Communication[] } | undefined,
      context: CallStepContext,
    ) => Promise<CallForInputOutcome>,
  ): Promise<CallForInput> {
    const now = this.clock.now();
    const target = `call-for-input:${callId ?? 'new'}`;
    return runRefusable(
      this.audit,
      { user, request, target, caseId: () => undefined },
      () =>
        retryOnConflict(() =>
          this.messaging.outbox.run(async (unit) => {
            let current: { call: CallForInput; letters: Communication[] } | undefined;
            if (callId !== undefined) {
              const call = await this.calls.lock(unit.manager, callId);
              // A call is steered by the entity that sends it; for any other, it does not exist.
              if (!call || call.entity !== user.entity) throw new CallForInputNotFound();
              current = { call, letters: await this.calls.lockLetters(unit.manager, callId) };
            }
            const actor = { kind: 'user' as const, sub: user.sub, role: user.role, entity: user.entity };
            const outcome = await decide(current, { manager: unit.manager, actor, now });
            if (current) await this.calls.save(unit.manager, outcome.call, now);
            else if (!(await this.calls.insert(unit.manager, outcome.call, now)))
              throw new CommunicationRefused(
                'period-has-call',
                'a call for input made meanwhile covers a day of this period',
              );
            for (const letter of outcome.communications)
              await this.writer.applyAs(unit, letter, user, now, { inserting: current === undefined });
            await this.audit.record(unit.manager, {
              ...actingUserAudit(user),
              ...requestAuditContext(request),
              action: user.permission,
              target: `call-for-input:${outcome.call.id}`,
              outcome: 'allowed',
            });
            return outcome.call;
          }),
        ),
      (error) =>
        error instanceof CallForInputNotFound
          ? { reason: 'unknown-call-for-input', answer: new NotFoundException('No such call for input') }
          : communicationRefusal(error),
    );
  }
}
