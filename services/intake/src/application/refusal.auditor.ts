import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { AuditTrail } from '@reprisals/audit';
import type { ActingUser } from '@reprisals/security';
import { runRefusable, type Refusal } from '@reprisals/service-platform';
import { sharingRefusal } from './case-share-refusal';

export type { Refusal } from '@reprisals/service-platform';

/** Runs intake's steps with their refusals audited and answered (sharing refusals by default). */
@Injectable()
export class RefusalAuditor {
  constructor(private readonly audit: AuditTrail) {}

  guard<T>(
    user: ActingUser,
    request: IncomingMessage,
    caseId: string | undefined,
    target: string,
    step: () => Promise<T>,
    classify: (error: unknown) => Refusal | undefined = sharingRefusal,
  ): Promise<T> {
    return runRefusable(this.audit, { user, request, target, caseId: () => caseId }, step, classify);
  }
}
