import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AllegationReceived,
  CasesLinked,
  ConsentRecorded,
  ConsentWithdrawn,
  DeadlineMissed,
  ProtectionRiskFlagged,
  ReplyReceived,
} from '@reprisals/contracts';
import { caseAccessSubscriptions } from '@reprisals/case-access';
import { ServiceMessaging, subscribe } from '@reprisals/messaging';
import { OpenCaseOnAllegationReceivedHandler } from './application/open-case-on-allegation-received/open-case-on-allegation-received.handler';
import {
  ReactToConsentRecordedHandler,
  ReactToConsentWithdrawnHandler,
} from './application/react-to-other-services/react-to-consent.handler';
import { ReactToLinkedCaseHandler } from './application/react-to-other-services/react-to-linked-case.handler';
import { ReactToProtectionFlagHandler } from './application/react-to-other-services/react-to-protection-flag.handler';
import {
  ReactToDeadlineMissedHandler,
  ReactToStateReplyHandler,
} from './application/react-to-other-services/react-to-state-reply.handler';

/** Every event verification reacts to is registered here, and only here. */
@Injectable()
export class VerificationSubscriptions implements OnModuleInit {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly openCase: OpenCaseOnAllegationReceivedHandler,
    private readonly consentRecorded: ReactToConsentRecordedHandler,
    private readonly consentWithdrawn: ReactToConsentWithdrawnHandler,
    private readonly protectionFlag: ReactToProtectionFlagHandler,
    private readonly stateReply: ReactToStateReplyHandler,
    private readonly deadlineMissed: ReactToDeadlineMissedHandler,
    private readonly linkedCase: ReactToLinkedCaseHandler,
  ) {}

  onModuleInit(): void {
    this.messaging.consumer.register(
      subscribe('open-case-on-allegation-received', AllegationReceived, this.openCase),
      // Consent and protection close State-facing and public actions (the gates read the projections).
      subscribe('cancel-actions-on-consent-recorded', ConsentRecorded, this.consentRecorded),
      subscribe('cancel-actions-on-consent-withdrawn', ConsentWithdrawn, this.consentWithdrawn),
      subscribe('cancel-proposals-on-protection-risk', ProtectionRiskFlagged, this.protectionFlag),
      // The State's replies and silences move the ladder.
      subscribe('record-state-reply', ReplyReceived, this.stateReply),
      subscribe('escalate-on-deadline-missed', DeadlineMissed, this.deadlineMissed),
      subscribe('escalate-on-new-act', CasesLinked, this.linkedCase),
      // Who may see the case, and what consent and protection allow: projections of intake's events.
      ...caseAccessSubscriptions(),
    );
  }
}
