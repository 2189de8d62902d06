import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AllegationReceived,
  ConsentRecorded,
  ConsentWithdrawn,
  PersonalDataErased,
  ProtectionRiskFlagged,
  ResponseActionDecided,
} from '@reprisals/contracts';
import { caseAccessSubscriptions } from '@reprisals/case-access';
import { ServiceMessaging, subscribe } from '@reprisals/messaging';
import { OpenStateFileOnAllegationReceivedHandler } from './application/open-state-file-on-allegation-received/open-state-file-on-allegation-received.handler';
import { DraftOnResponseActionDecidedHandler } from './application/react-to-other-services/draft-on-response-action-decided.handler';
import { StopUnsentCommunicationsHandler } from './application/react-to-other-services/stop-unsent-communications.handler';
import { EraseReplyDocumentsOnPersonalDataErasedHandler } from './application/reply-documents/erase-reply-documents-on-personal-data-erased.handler';

/** Every event state-communication reacts to is registered here, and only here. */
@Injectable()
export class StateCommunicationSubscriptions implements OnModuleInit {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly openStateFile: OpenStateFileOnAllegationReceivedHandler,
    private readonly draftOnDecision: DraftOnResponseActionDecidedHandler,
    private readonly stopUnsent: StopUnsentCommunicationsHandler,
    private readonly eraseReplyDocuments: EraseReplyDocumentsOnPersonalDataErasedHandler,
  ) {}

  onModuleInit(): void {
    this.messaging.consumer.register(
      subscribe('open-state-file-on-allegation-received', AllegationReceived, this.openStateFile),
      // A State-facing action decided in verification is drafted here for the liaison.
      subscribe('draft-on-response-action-decided', ResponseActionDecided, this.draftOnDecision),
      // What consent and protection close stops every communication not sent yet.
      subscribe('stop-unsent-on-consent-recorded', ConsentRecorded, this.stopUnsent),
      subscribe('stop-unsent-on-consent-withdrawn', ConsentWithdrawn, this.stopUnsent),
      subscribe('stop-unsent-on-protection-risk', ProtectionRiskFlagged, this.stopUnsent),
      // Erasing a case in intake shreds the documents of the State's replies about it.
      subscribe(
        'erase-reply-documents-on-personal-data-erased',
        PersonalDataErased,
        this.eraseReplyDocuments,
      ),
      // Who may see the case, and what consent and protection allow: projections of intake's events.
      ...caseAccessSubscriptions(),
    );
  }
}
