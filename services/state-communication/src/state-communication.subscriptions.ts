import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AllegationReceived } from '@reprisals/contracts';
import { caseAccessSubscriptions } from '@reprisals/case-access';
import { ServiceMessaging, subscribe } from '@reprisals/messaging';
import { OpenStateFileOnAllegationReceivedHandler } from './application/open-state-file-on-allegation-received/open-state-file-on-allegation-received.handler';

/** Every event state-communication reacts to is registered here, and only here. */
@Injectable()
export class StateCommunicationSubscriptions implements OnModuleInit {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly openStateFile: OpenStateFileOnAllegationReceivedHandler,
  ) {}

  onModuleInit(): void {
    this.messaging.consumer.register(
      subscribe('open-state-file-on-allegation-received', AllegationReceived, this.openStateFile),
      // Who may see the case: the lead entity and the entities it is shared with.
      ...caseAccessSubscriptions(),
    );
  }
}
