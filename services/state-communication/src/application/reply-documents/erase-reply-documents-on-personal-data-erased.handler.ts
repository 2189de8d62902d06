import { Injectable } from '@nestjs/common';
import type { PersonalDataErasedEvent } from '@reprisals/contracts';
import { IdentityVault } from '@reprisals/identity-vault';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';

/**
 * A case's personal data erased in intake: the case's data key in state-communication's vault
 * is destroyed too, so every document of the State's replies about the case (and its name) is
 * unreadable for good. Idempotent: a case without a key gets a destroyed one.
 */
@Injectable()
export class EraseReplyDocumentsOnPersonalDataErasedHandler implements EventHandler<PersonalDataErasedEvent> {
  constructor(private readonly vault: IdentityVault) {}

  async handle(event: PersonalDataErasedEvent, context: HandlerContext): Promise<void> {
    await this.vault.destroyKey(context.manager, event.data.caseId);
  }
}
