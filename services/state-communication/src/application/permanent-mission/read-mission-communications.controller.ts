import { Controller, Get, NotFoundException, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodQuery,
  UuidParamPipe,
  ZodValidationPipe,
} from '@reprisals/service-platform';
import { isSentTo, type Communication } from '../../domain/communication/communication';
import { CommunicationEntity } from '../../infrastructure/persistence/communication.entity';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import { missionCommunicationView, type MissionCommunicationView } from './mission-communication.view';
import { missionStateOf } from './mission-state';

const listQuerySchema = z.strictObject({
  awaitingReply: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: only those the State has not replied to yet'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('At most this many (1 to 500)'),
});

/** What the UN sent a State, read by that State's Permanent Mission: every read is audited. */
@ApiTags('permanent-mission')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such communication sent to the caller’s State' })
@Controller('state-communication/mission/communications')
export class ReadMissionCommunicationsController {
  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @RequirePermission('mission:read-communications')
  @ApiOperation({
    summary: 'The communications sent to the caller’s State, newest first (Permanent Missions only)',
  })
  @ApiZodQuery(listQuerySchema)
  async list(
    @Query(new ZodValidationPipe(listQuerySchema)) query: z.infer<typeof listQuerySchema>,
    @ActingAs('mission:read-communications') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ communications: MissionCommunicationView[] }> {
    const state = missionStateOf(user);
    const statuses =
      query.awaitingReply === true
        ? ['sent']
        : query.awaitingReply === false
          ? ['replied']
          : ['sent', 'replied'];
    const rows = await this.dataSource.getRepository(CommunicationEntity).find({
      where: { stateConcerned: state, status: In(statuses) },
      order: { draftedAt: 'DESC' },
      take: query.limit,
    });
    // The list read itself, then one record per letter read, under its case: the case's audit
    // shows what its State has seen.
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, {
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: 'mission:read-communications',
        target: `state:${state}:communications`,
        outcome: 'allowed',
      });
      for (const row of rows)
        await this.audit.record(manager, {
          ...actingUserAudit(user),
          ...requestAuditContext(request),
          action: 'mission:read-communications',
          ...(row.caseId ? { caseId: row.caseId } : {}),
          target: `communication:${row.id}`,
          outcome: 'allowed',
        });
    });
    return { communications: rows.map((row) => missionCommunicationView(row.document as Communication)) };
  }

  @Get(':id')
  @RequirePermission('mission:read-communications')
  @ApiOperation({
    summary:
      'One communication sent to the caller’s State, with its reply deadline and the replies on record',
  })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingAs('mission:read-communications') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<MissionCommunicationView> {
    const state = missionStateOf(user);
    const row = await this.dataSource.getRepository(CommunicationEntity).findOneBy({ id });
    const communication = row?.document as Communication | undefined;
    const visible = communication !== undefined && isSentTo(communication, state);
    await this.audit.recordNow({
      ...actingUserAudit(user),
      ...requestAuditContext(request),
      action: 'mission:read-communications',
      // Under the letter's case, even when refused: the case's auditors see who asked for it.
      ...(communication?.caseId ? { caseId: communication.caseId } : {}),
      target: `communication:${id}`,
      outcome: visible ? 'allowed' : 'denied',
      ...(visible ? {} : { reason: 'not-sent-to-state' }),
    });
    if (!visible) throw new NotFoundException('No such communication sent to your State');
    return missionCommunicationView(communication);
  }
}
