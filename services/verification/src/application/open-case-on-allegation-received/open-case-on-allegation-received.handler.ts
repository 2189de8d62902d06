import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@reprisals/audit';
import { VerificationCaseOpened, type AllegationReceivedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { CURRENT_RESPONSE_PROTOCOL_VERSION } from '../../domain/response-protocol';
import { openVerificationCase } from '../../domain/verification-case';
import { VerificationCaseEntity } from '../../infrastructure/persistence/verification-case.entity';

/** A received allegation enters the response protocol at its first stage. */
@Injectable()
export class OpenCaseOnAllegationReceivedHandler implements EventHandler<AllegationReceivedEvent> {
  constructor(private readonly audit: AuditTrail) {}

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
    // A step the service takes on its own rules is audited like a person's, in the same transaction.
    await this.audit.record(context.manager, {
      actor: { kind: 'system', service: 'verification', entity: opened.leadEntity },
      action: 'case:open',
      caseId: opened.caseId,
      target: 'verification_case',
      outcome: 'allowed',
      policyVersion: opened.protocolVersion,
    });
  }
}
