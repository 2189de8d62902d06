import { Controller, Get, HttpCode, Param, Post, Req, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { actingUserAudit, AuditTrail, requestAuditContext, type AuditEntry } from '@reprisals/audit';
import type { ServiceName } from '@reprisals/contracts';
import {
  ReplayRefusedError,
  ServiceMessaging,
  type DeadLetterView,
  type ReplayOutcome,
} from '@reprisals/messaging';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute } from '../openapi/api-error-responses';
import { UuidParamPipe } from '../validation/zod-validation.pipe';
import { caseOfSubject, replayRefusal } from './dead-letter-replay.refusal';

/**
 * `GET /<service>/dead-letters` and `POST /<service>/dead-letters/:id/replay`, one per service,
 * for admins. Both are audited in the service's own trail: the list before it leaves (it names
 * the cases of every entity, by id), a replay in the transaction of its effect, a refused replay
 * on its own.
 */
export function deadLetterControllerFor(service: ServiceName): Type<unknown> {
  @ApiTags(`${service}: dead letters`)
  @ApiBearerAuth()
  @ApiProtectedRoute()
  @Controller(`${service}/dead-letters`)
  class DeadLetterController {
    constructor(
      private readonly messaging: ServiceMessaging,
      private readonly trail: AuditTrail,
    ) {}

    @Get()
    @RequirePermission('dead-letter:read')
    @ApiOperation({ summary: `Events ${service} could not process, with the reason` })
    async list(
      @ActingAs('dead-letter:read') user: ActingUser,
      @Req() request: IncomingMessage,
    ): Promise<{ deadLetters: DeadLetterView[] }> {
      const deadLetters = await this.messaging.deadLetters.list();
      // How many letters left, not which cases: one record, ids only, before the list leaves.
      await this.trail.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
        target: `GET /${service}/dead-letters#returned:${deadLetters.length}`,
        outcome: 'allowed',
      });
      return { deadLetters };
    }

    @Post(':id/replay')
    @HttpCode(200)
    @RequirePermission('dead-letter:replay')
    @ApiOperation({ summary: 'Runs a dead-lettered event again through its subscription, after a fix' })
    @ApiProtectedRoute({ notFound: 'No such dead letter' })
    @ApiConflictResponse({ description: 'The dead letter was already replayed, or its subscription is gone' })
    async replay(
      @Param('id', UuidParamPipe) id: string,
      @ActingAs('dead-letter:replay') user: ActingUser,
      @Req() request: IncomingMessage,
    ): Promise<{ id: string; outcome: ReplayOutcome }> {
      const audit: Pick<AuditEntry, 'actor' | 'policyVersion' | 'requestId' | 'traceId' | 'action'> = {
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
      };
      try {
        const outcome = await this.messaging.consumer.replay(id, async (manager, replay) => {
          await this.trail.record(manager, {
            ...audit,
            ...caseOfSubject(replay.subject),
            target: `dead-letter:${id}:${replay.outcome}`,
            outcome: 'allowed',
          });
        });
        return { id, outcome };
      } catch (error) {
        if (!(error instanceof ReplayRefusedError)) throw error;
        const refusal = replayRefusal(error);
        await this.trail.recordNow({
          ...audit,
          ...caseOfSubject(error.subject),
          target: `dead-letter:${id}`,
          outcome: 'denied',
          reason: refusal.reason,
        });
        throw refusal.answer;
      }
    }
  }
  Object.defineProperty(DeadLetterController, 'name', { value: `${pascal(service)}DeadLetterController` });
  return DeadLetterController;
}

function pascal(value: string): string {
  return value.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
