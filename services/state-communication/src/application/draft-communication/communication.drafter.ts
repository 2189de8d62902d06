import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CaseCommunicationKind, CommunicationLanguage } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import type { EntityManager } from 'typeorm';
import type { CaseFacts } from '../../domain/communication/case-facts';
import type { CommunicationActor } from '../../domain/communication/communication';
import { CommunicationRefused } from '../../domain/communication/communication-refused';
import {
  draftCommunication,
  type CommunicationOutcome,
} from '../../domain/communication/communication-steps';
import { CommunicationPolicies } from '../../infrastructure/policy/communication-policies';
import { StateCaseFileEntity } from '../../infrastructure/persistence/state-case-file.entity';
import { CommunicationTemplates } from '../../infrastructure/templates/communication-templates';

/**
 * Drafts a communication from its template, with the case's non-identifying facts and the reply
 * time the rules in force give its kind. Names are never filled in: a communication that must
 * name the person is completed outside the system, where consent allows it.
 */
@Injectable()
export class CommunicationDrafter {
  constructor(
    private readonly templates: CommunicationTemplates,
    private readonly policies: CommunicationPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async draft(
    manager: EntityManager,
    request: {
      caseId: string;
      kind: CaseCommunicationKind;
      language: CommunicationLanguage;
      responseActionId: string | null;
    },
    actor: CommunicationActor,
  ): Promise<CommunicationOutcome> {
    const file = await manager.getRepository(StateCaseFileEntity).findOneBy({ caseId: request.caseId });
    if (!file) throw new CommunicationRefused('unknown-case', 'caseId: no such case on a State file', 422);
    const now = this.clock.now();
    const policy = this.policies.inForce(now);
    const rule = policy.document.kinds[request.kind];
    if (!rule)
      throw new CommunicationRefused('unknown-kind', `kind: ${policy.version} has no ${request.kind}`, 422);
    const text = this.templates.render(request.kind, request.language, {
      reference: file.reference,
      stateConcerned: file.stateConcerned,
      replyDays: rule.replyDays,
      facts: file.facts as CaseFacts,
    });
    return draftCommunication(
      {
        id: randomUUID(),
        caseId: file.caseId,
        callForInput: null,
        reference: file.reference,
        stateConcerned: file.stateConcerned,
        kind: request.kind,
        language: request.language,
        responseActionId: request.responseActionId,
        ...text,
      },
      actor,
      now,
    );
  }
}
