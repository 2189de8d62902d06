import { Injectable } from '@nestjs/common';
import { VerificationCaseOpened, type AllegationReceivedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { CURRENT_RESPONSE_PROTOCOL_VERSION } from '../../domain/response-protocol';
import { openVerificationCase } from '../../domain/verification-case';
import { VerificationCaseEntity } from '../../infrastructure/persistence/verification-case.entity';

/** A received allegation enters the response protocol at its first stage. */
@Injectable()
export class OpenCaseOnAllegationReceivedHandler implements EventHandler<AllegationReceivedEvent> {
  async handle(event: AllegationReceivedEvent, context: HandlerContext): Promise<void> {
    const opened = openVerificationCase(event.data, {
      protocolVersion: CURRENT_RESPONSE_PROTOCOL_VERSION,
      now: context.now,
    });
    await context.manager.getRepository(VerificationCaseEntity).insert(opened);
    context.emit(
      VerificationCaseOpened,
      {
        caseId: opened.caseId,
        reference: opened.reference,
        stateConcerned: opened.stateConcerned,
        leadEntity: opened.leadEntity,
        stage: opened.stage,
        protocolVersion: opened.protocolVersion,
      },
      { policyVersion: opened.protocolVersion },
    );
  }
}
