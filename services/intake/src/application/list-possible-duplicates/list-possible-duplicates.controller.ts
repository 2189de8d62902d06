import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { CaseAccessReader } from '@reprisals/case-access';
import type { FingerprintKind } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import type { PossibleDuplicateStatus } from '../../domain/possible-duplicate';
import { possibleDuplicatesOf } from '../../infrastructure/duplicates/possible-duplicate.repository';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';

export interface PossibleDuplicateView {
  /**
   * The other case: its id, reference and lead entity, whoever leads it, so that the officer can
   * ask that entity for a share. Never its content: `seenByYourEntity` says whether the caller's
   * entity may open it (its lead, or an accepted share).
   */
  otherCase: { id: string; reference: string; leadEntity: string; seenByYourEntity: boolean };
  matchedOn: FingerprintKind[];
  score: number;
  status: PossibleDuplicateStatus;
  /** Pseudonyms of this case's victims that matched. */
  victims: string[];
  foundAt: string;
  decision: { reason: string; entity: string; decidedAt: string; linkId: string | null } | null;
}

const ROUTE = 'GET /intake/allegations/:id/possible-duplicates';

@ApiTags('intake: duplicates')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class ListPossibleDuplicatesController {
  private readonly reader = new CaseAccessReader();

  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/possible-duplicates')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Cases of any entity that share a person, organisation or contact with this one (by keyed hash), the most likely first: the other case’s id, reference and lead only',
  })
  @ApiOkResponse({ description: 'The possible duplicates of the case, open, linked or dismissed' })
  async list(
    @Param('id', UuidParamPipe) caseId: string,
    @ActingAs('case:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ caseId: string; possibleDuplicates: PossibleDuplicateView[] }> {
    await this.gate.open({ service: 'intake', dataSource: this.dataSource, caseId, user, request });
    const now = this.clock.now();
    const pairs = await possibleDuplicatesOf(this.dataSource, caseId);
    const views: PossibleDuplicateView[] = [];
    const disclosed: string[] = [];
    for (const { pair, otherCaseId, otherReference, otherLeadEntity, victims } of pairs) {
      const seen = (await this.reader.accessOf(this.dataSource, otherCaseId, user.entity, now)).visible;
      if (!seen) disclosed.push(otherCaseId);
      views.push({
        otherCase: {
          id: otherCaseId,
          reference: otherReference,
          leadEntity: otherLeadEntity,
          seenByYourEntity: seen,
        },
        matchedOn: pair.matchedOn,
        score: pair.score,
        status: pair.status,
        victims,
        foundAt: pair.foundAt.toISOString(),
        decision:
          pair.decidedAt && pair.decisionReason && pair.decidedByEntity
            ? {
                reason: pair.decisionReason,
                entity: pair.decidedByEntity,
                decidedAt: pair.decidedAt.toISOString(),
                linkId: pair.linkId,
              }
            : null,
      });
    }
    // The other case's trail records that its reference and lead reached an entity that does not see it.
    if (disclosed.length > 0) {
      await this.dataSource.transaction(async (manager) => {
        for (const otherCaseId of disclosed) {
          await this.audit.record(manager, {
            ...actingUserAudit(user),
            ...requestAuditContext(request),
            action: user.permission,
            caseId: otherCaseId,
            target: `${ROUTE}#reference-disclosed`,
            outcome: 'allowed',
          });
        }
      });
    }
    return { caseId, possibleDuplicates: views };
  }
}
