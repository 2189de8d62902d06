import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AllegationReceived, createEvent } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import type { ActingUser } from '@reprisals/security';
import { receiveAllegation } from '../../domain/allegation';
import { AllegationEntity } from '../../infrastructure/persistence/allegation.entity';
import { allocateCaseReference } from '../../infrastructure/persistence/case-reference.allocator';
import type { AllegationReceipt, ReceiveAllegationCommand } from './receive-allegation.command';

/** Records the allegation, gives it a reference and announces it: one transaction. */
@Injectable()
export class ReceiveAllegationHandler {
  constructor(
    private readonly messaging: ServiceMessaging,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReceiveAllegationCommand, user: ActingUser): Promise<AllegationReceipt> {
    const now = this.clock.now();
    const id = randomUUID();
    return this.messaging.outbox.run(async (unit) => {
      const reference = await allocateCaseReference(unit.manager, now.getUTCFullYear());
      const allegation = receiveAllegation(command, {
        id,
        reference: reference.value,
        recordedBy: { sub: user.sub, entity: user.entity, role: user.role },
        now,
      });
      await unit.manager.getRepository(AllegationEntity).insert({
        id: allegation.id,
        reference: allegation.reference,
        stateConcerned: allegation.stateConcerned,
        receivedVia: allegation.receivedVia,
        receivedOn: allegation.receivedOn,
        summary: allegation.summary,
        submissionLanguage: allegation.submissionLanguage,
        leadEntity: allegation.leadEntity,
        recordedBySub: allegation.recordedBy.sub,
        recordedByRole: allegation.recordedBy.role,
        recordedAt: allegation.recordedAt,
      });
      unit.record(
        createEvent(
          AllegationReceived,
          {
            caseId: allegation.id,
            reference: allegation.reference,
            stateConcerned: allegation.stateConcerned,
            receivedVia: allegation.receivedVia,
            receivedOn: allegation.receivedOn,
            leadEntity: allegation.leadEntity,
          },
          {
            caseId: allegation.id,
            actor: { kind: 'user', sub: user.sub, entity: user.entity, role: user.role },
            occurredAt: now,
          },
        ),
      );
      return { id: allegation.id, reference: allegation.reference };
    });
  }
}
