import { Injectable } from '@nestjs/common';
import { CaseAccessProjection, CaseDisclosureReader, type CaseAccessEvent } from '@reprisals/case-access';
import type { IntegrationEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { stopDispatch } from '../../domain/communication/communication-steps';
import { CommunicationRepository } from '../../infrastructure/persistence/communication.repository';
import { CommunicationOutcomeWriter } from '../communication-steps/communication-outcome.writer';

/**
 * Consent withdrawn or narrowed, or a protection risk flagged: every communication of the case
 * not sent yet stops, and says why. The projection the dispatch gate reads is brought up to
 * date in the same transaction (idempotent: the highest version wins).
 */
@Injectable()
export class StopUnsentCommunicationsHandler implements EventHandler {
  private readonly projection = new CaseAccessProjection();
  private readonly disclosures = new CaseDisclosureReader();
  private readonly communications = new CommunicationRepository();

  constructor(private readonly writer: CommunicationOutcomeWriter) {}

  async handle(event: IntegrationEvent, context: HandlerContext): Promise<void> {
    const unsent = await this.communications.unsentOfCase(context.manager, event.metadata.caseId);
    await this.projection.project(context.manager, event as CaseAccessEvent);
    const disclosure = await this.disclosures.disclosureOf(context.manager, event.metadata.caseId);
    const reason = disclosure.protection.withheld
      ? 'protection-risk'
      : disclosure.raiseWithState === 'no'
        ? 'no-consent'
        : undefined;
    if (!reason) return;
    for (const communication of unsent) {
      const outcome = stopDispatch(communication, reason, context.now);
      if (outcome)
        await this.writer.apply(
          context.manager,
          outcome,
          (definition, data) => context.emit(definition, data),
          context.now,
        );
    }
  }
}
