import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { decideApproval } from '../../domain/protocol-engine/decide-approval';
import { ProtocolStepRunner } from '../protocol-steps/protocol-step.runner';
import { VerificationCaseReader } from '../verification-case.reader';
import type { VerificationCaseView } from '../verification-case.view';
import { approveSchema, rejectSchema, type ApproveBody, type RejectBody } from './decide-approval.command';

@ApiTags('verification: approvals')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such approval, or one of a case the caller’s entity does not see' })
@Controller('verification/approvals')
export class DecideApprovalController {
  constructor(
    private readonly runner: ProtocolStepRunner,
    private readonly reader: VerificationCaseReader,
  ) {}

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('response:approve')
  @ApiOperation({
    summary:
      'A supervisor of the lead entity, other than the proposer, approves a verification conclusion or a response action (four eyes); the action’s gates run again',
  })
  @ApiZodBody(approveSchema, {})
  @ApiConflictResponse({ description: 'A gate refuses: `gate` names it, `satisfiedBy` says what would pass' })
  async approve(
    @Param('id', UuidParamPipe) approvalId: string,
    @Body(new ZodValidationPipe(approveSchema)) body: ApproveBody,
    @ActingAs('response:approve') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<VerificationCaseView> {
    const after = await this.runner.run(
      { approvalId },
      user,
      request,
      `approval:${approvalId}:approve`,
      (current, context) => decideApproval(current, approvalId, { decision: 'approve', ...body }, context),
    );
    return this.reader.viewOf(after);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('response:approve')
  @ApiOperation({ summary: 'A supervisor of the lead entity, other than the proposer, rejects the proposal' })
  @ApiZodBody(rejectSchema, { reason: 'insufficient-corroboration' })
  async reject(
    @Param('id', UuidParamPipe) approvalId: string,
    @Body(new ZodValidationPipe(rejectSchema)) body: RejectBody,
    @ActingAs('response:approve') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<VerificationCaseView> {
    const after = await this.runner.run(
      { approvalId },
      user,
      request,
      `approval:${approvalId}:reject:${body.reason}`,
      (current, context) => decideApproval(current, approvalId, { decision: 'reject' }, context),
    );
    return this.reader.viewOf(after);
  }
}
