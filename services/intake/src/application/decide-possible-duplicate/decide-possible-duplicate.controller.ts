import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { RefusalAuditor } from '../refusal.auditor';
import {
  dismissPossibleDuplicateCommandSchema,
  linkCasesCommandSchema,
  type DismissPossibleDuplicateCommand,
  type LinkCasesCommand,
  type PossibleDuplicateDecisionReceipt,
} from './decide-possible-duplicate.command';
import { DecidePossibleDuplicateHandler } from './decide-possible-duplicate.handler';
import type { DuplicateDecision } from '../../domain/possible-duplicate';
import { possibleDuplicateRefusal } from './possible-duplicate.refusal';

const ROUTE = 'POST /intake/allegations/:id/possible-duplicates/:otherCaseId';

@ApiTags('intake: duplicates')
@ApiBearerAuth()
@ApiProtectedRoute({
  notFound: 'No such case or possible duplicate, or a case the caller’s entity does not see',
})
@Controller('intake/allegations')
export class DecidePossibleDuplicateController {
  constructor(
    private readonly handler: DecidePossibleDuplicateHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/possible-duplicates/:otherCaseId/link')
  @HttpCode(200)
  @RequirePermission('case:link')
  @ApiOperation({
    summary:
      'The lead entity of the case links it to a case found to match it: each case’s timeline then shows the other’s reference',
  })
  @ApiZodBody(linkCasesCommandSchema, {
    reason: 'same-person',
    note: 'Same age group, same mission, same dates.',
  })
  @ApiOkResponse({ description: 'The link id, carried by both cases’ CasesLinked events' })
  @ApiConflictResponse({ description: 'The match was already linked or dismissed' })
  link(
    @Param('id', UuidParamPipe) caseId: string,
    @Param('otherCaseId', UuidParamPipe) otherCaseId: string,
    @Body(new ZodValidationPipe(linkCasesCommandSchema)) command: LinkCasesCommand,
    @ActingAs('case:link') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<PossibleDuplicateDecisionReceipt> {
    return this.decide(caseId, otherCaseId, { kind: 'link', ...command }, user, request);
  }

  @Post(':id/possible-duplicates/:otherCaseId/dismiss')
  @HttpCode(200)
  @RequirePermission('case:link')
  @ApiOperation({ summary: 'The lead entity of the case dismisses a match: the two cases stay apart' })
  @ApiZodBody(dismissPossibleDuplicateCommandSchema, {
    reason: 'common-name',
    note: 'A common name; different ages and regions.',
  })
  @ApiOkResponse({ description: 'The match is dismissed' })
  @ApiConflictResponse({ description: 'The match was already linked or dismissed' })
  dismiss(
    @Param('id', UuidParamPipe) caseId: string,
    @Param('otherCaseId', UuidParamPipe) otherCaseId: string,
    @Body(new ZodValidationPipe(dismissPossibleDuplicateCommandSchema))
    command: DismissPossibleDuplicateCommand,
    @ActingAs('case:link') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<PossibleDuplicateDecisionReceipt> {
    return this.decide(caseId, otherCaseId, { kind: 'dismiss', ...command }, user, request);
  }

  private decide(
    caseId: string,
    otherCaseId: string,
    decision: DuplicateDecision & { note?: string | undefined },
    user: ActingUser,
    request: IncomingMessage,
  ): Promise<PossibleDuplicateDecisionReceipt> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      `${ROUTE}/${decision.kind}`,
      () => this.handler.execute(caseId, otherCaseId, decision, user, requestAuditContext(request)),
      possibleDuplicateRefusal,
    );
  }
}
