import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@reprisals/audit';
import type { AllegationReceivedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { openStateCaseFile } from '../../domain/state-case-file';
import { StateCaseFileEntity } from '../../infrastructure/persistence/state-case-file.entity';

/** Puts a newly received case on the file of the State concerned. Nothing is sent to the State. */
@Injectable()
export class OpenStateFileOnAllegationReceivedHandler implements EventHandler<AllegationReceivedEvent> {
  constructor(private readonly audit: AuditTrail) {}

  async handle(event: AllegationReceivedEvent, context: HandlerContext): Promise<void> {
    const file = openStateCaseFile(event.data, context.now);
    await context.manager.getRepository(StateCaseFileEntity).insert(file);
    await this.audit.record(context.manager, {
      actor: { kind: 'system', service: 'state-communication', entity: file.leadEntity },
      action: 'state-file:open',
      caseId: file.caseId,
      target: 'state_case_file',
      outcome: 'allowed',
    });
  }
}
