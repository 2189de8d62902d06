import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@reprisals/audit';
import { VerificationCaseOpened, type AllegationReceivedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { openVerificationCase } from '../../domain/verification-case';
import { ProtocolPolicies } from '../../infrastructure/policy/protocol-policies';
import { VerificationCaseRepository } from '../../infrastructure/persistence/verification-case.repository';

/** A received allegation enters the response protocol at its first stage, under the version in force. */
@Injectable()
export class OpenCaseOnAllegationReceivedHandler implements EventHandler<AllegationReceivedEvent> {
  private readonly cases = new VerificationCaseRepository();

  constructor(
    private readonly audit: AuditTrail,
    private readonly policies: ProtocolPolicies,
  ) {}

  async handle(event: AllegationReceivedEvent, context: HandlerContext): Promise<void> {
    const opened = openVerificationCase(event.data, {
      protocolVersion: this.policies.inForce(context.now).version,
      now: context.now,
    });
    await this.cases.insert(context.manager, opened, context.now);
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
