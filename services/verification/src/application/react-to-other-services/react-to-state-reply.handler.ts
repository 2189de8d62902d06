import { Injectable } from '@nestjs/common';
import type { DeadlineMissedEvent, ReplyReceivedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { escalate, reactToStateReply } from '../../domain/protocol-engine/protocol-reactions';
import { ProtocolReactionRunner } from './protocol-reaction.runner';
import { publishThrough } from './publish-through';

/** The State replied: a substantive reply cancels the escalation its silence would cause. */
@Injectable()
export class ReactToStateReplyHandler implements EventHandler<ReplyReceivedEvent> {
  constructor(private readonly runner: ProtocolReactionRunner) {}

  async handle(event: ReplyReceivedEvent, context: HandlerContext): Promise<void> {
    await this.runner.react(
      context.manager,
      event.data.caseId,
      context.now,
      publishThrough(context),
      (current) =>
        reactToStateReply(current, {
          replyType: event.data.replyType,
          receivedOn: event.data.receivedOn,
          ...(event.data.responseActionId ? { responseActionId: event.data.responseActionId } : {}),
        }),
      `state-reply:${event.data.replyId}`,
    );
  }
}

/** The State let a communication's deadline pass: the next level of the ladder becomes due. */
@Injectable()
export class ReactToDeadlineMissedHandler implements EventHandler<DeadlineMissedEvent> {
  constructor(private readonly runner: ProtocolReactionRunner) {}

  async handle(event: DeadlineMissedEvent, context: HandlerContext): Promise<void> {
    await this.runner.react(
      context.manager,
      event.data.caseId,
      context.now,
      publishThrough(context),
      (current, rules) => escalate(current, 'reply-deadline-missed', rules, event.data.responseActionId),
      `deadline-missed:${event.data.communicationId}`,
    );
  }
}
