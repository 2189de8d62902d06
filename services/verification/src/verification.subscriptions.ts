import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AllegationReceived } from '@reprisals/contracts';
import { caseAccessSubscriptions } from '@reprisals/case-access';
import { ServiceMessaging, subscribe } from '@reprisals/messaging';
import { OpenCaseOnAllegationReceivedHandler } from './application/open-case-on-allegation-received/open-case-on-allegation-received.handler';

/** Every event verification reacts to is registered here, and only here. */
@Injectable()
export class VerificationSubscriptions implements OnModuleInit {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly openCase: OpenCaseOnAllegationReceivedHandler,
  ) {}

  onModuleInit(): void {
    this.messaging.consumer.register(
      subscribe('open-case-on-allegation-received', AllegationReceived, this.openCase),
      // Who may see the case: the lead entity and the entities it is shared with.
      ...caseAccessSubscriptions(),
    );
  }
}
