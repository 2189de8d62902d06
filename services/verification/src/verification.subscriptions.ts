import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AllegationReceived,
  CasesLinked,
  CommunicationSent,
  ConsentRecorded,
  ConsentWithdrawn,
  DeadlineMissed,
  NO_CONSENT,
  PersonalDataErased,
  ProtectionRiskFlagged,
  ReplyReceived,
} from '@reprisals/contracts';
import { caseAccessSubscriptions } from '@reprisals/case-access';
import { ServiceMessaging, subscribe } from '@reprisals/messaging';
import { OpenCaseOnAllegationReceivedHandler } from './application/open-case-on-allegation-received/open-case-on-allegation-received.handler';
import { ProtocolReactionHandlers } from './application/react-to-other-services/protocol-reaction.handlers';
import {
  escalate,
  reactToCommunicationSent,
  reactToConsent,
  reactToErasure,
  reactToNewAct,
  reactToProtectionFlag,
  reactToStateReply,
} from './domain/protocol-engine/protocol-reactions';

/** Reactions to what the gates read: the projection is brought up to date in the same transaction. */
const PROJECTED_FIRST = { projectFirst: true };

/** Every event verification reacts to is registered here, and only here. */
@Injectable()
export class VerificationSubscriptions implements OnModuleInit {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly openCase: OpenCaseOnAllegationReceivedHandler,
    private readonly reactions: ProtocolReactionHandlers,
  ) {}

  onModuleInit(): void {
    const react = this.reactions;
    this.messaging.consumer.register(
      subscribe('open-case-on-allegation-received', AllegationReceived, this.openCase),
      // Consent and protection close State-facing and public actions (the gates read the projections).
      subscribe(
        'cancel-actions-on-consent-recorded',
        ConsentRecorded,
        react.to(
          (event) => ({
            reaction: (current) => reactToConsent(current, event.data.scopes, false),
            target: `consent:${event.data.consentVersion}`,
          }),
          PROJECTED_FIRST,
        ),
      ),
      subscribe(
        'cancel-actions-on-consent-withdrawn',
        ConsentWithdrawn,
        react.to(
          (event) => ({
            reaction: (current) => reactToConsent(current, NO_CONSENT, true),
            target: `consent:${event.data.consentVersion}:withdrawn`,
          }),
          PROJECTED_FIRST,
        ),
      ),
      subscribe(
        'cancel-proposals-on-protection-risk',
        ProtectionRiskFlagged,
        react.to(
          (event) => ({
            reaction: (current) => reactToProtectionFlag(current),
            target: `protection-risk:${event.data.flagVersion}`,
          }),
          PROJECTED_FIRST,
        ),
      ),
      // The State's replies and silences, and new acts against the same person, move the ladder.
      subscribe(
        'record-state-reply',
        ReplyReceived,
        react.to(({ data }) => ({
          reaction: (current) =>
            reactToStateReply(current, {
              replyType: data.replyType,
              receivedOn: data.receivedOn,
              ...(data.responseActionId ? { responseActionId: data.responseActionId } : {}),
            }),
          target: `state-reply:${data.replyId}`,
        })),
      ),
      subscribe(
        'follow-communication-deadline',
        CommunicationSent,
        react.to(({ data }) => ({
          reaction: (current) =>
            data.responseActionId
              ? reactToCommunicationSent(current, {
                  responseActionId: data.responseActionId,
                  replyDueOn: data.replyDueOn,
                })
              : { case: current, events: [], timers: [], decision: null },
          target: `communication-sent:${data.communicationId}`,
        })),
      ),
      subscribe(
        'escalate-on-deadline-missed',
        DeadlineMissed,
        react.to(({ data }) => ({
          reaction: (current, rules) =>
            escalate(current, 'reply-deadline-missed', rules, data.responseActionId),
          target: `deadline-missed:${data.communicationId}`,
        })),
      ),
      subscribe(
        'escalate-on-new-act',
        CasesLinked,
        react.to(({ data }) => ({
          reaction: (current, rules) => reactToNewAct(current, rules),
          target: `linked-case:${data.linkId}`,
        })),
      ),
      // Written reasons are erased with the case's personal data.
      subscribe(
        'erase-written-reasons',
        PersonalDataErased,
        react.to(() => ({ reaction: (current) => reactToErasure(current), target: 'personal-data-erased' })),
      ),
      // Who may see the case, and what consent and protection allow: projections of intake's events.
      ...caseAccessSubscriptions(),
    );
  }
}
