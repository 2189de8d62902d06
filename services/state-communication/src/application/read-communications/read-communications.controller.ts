import { Controller, Get, Inject, NotFoundException, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { whereVisibleTo } from '@reprisals/case-access';
import { stateCodeSchema } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodQuery,
  CaseReadGate,
  UuidParamPipe,
  ZodValidationPipe,
} from '@reprisals/service-platform';
import { COMMUNICATION_STATUSES, type Communication } from '../../domain/communication/communication';
import { CommunicationEntity } from '../../infrastructure/persistence/communication.entity';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import { communicationView, type CommunicationView } from './communication.view';

const listCommunicationsQuerySchema = z.strictObject({
  caseId: z.uuid().optional().describe('Only the communications of this case'),
  state: stateCodeSchema.optional().describe('Only those to this State (ISO alpha-3)'),
  status: z.enum(COMMUNICATION_STATUSES).optional().describe('Only those in this status'),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: sent, not replied to, and past the reply deadline'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('At most this many (1 to 500)'),
});
type ListCommunicationsQuery = z.infer<typeof listCommunicationsQuerySchema>;

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such communication, or one of a case the caller’s entity does not see' })
@Controller('state-communication/communications')
export class ReadCommunicationsController {
  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gate: CaseReadGate,
  ) {}

  @Get()
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'Communications of the cases the caller’s entity sees, newest first' })
  @ApiZodQuery(listCommunicationsQuerySchema)
  async list(
    @Query(new ZodValidationPipe(listCommunicationsQuerySchema)) query: ListCommunicationsQuery,
    @ActingAs('case:read') user: ActingUser,
  ): Promise<{ communications: CommunicationView[] }> {
    const now = this.clock.now();
    const builder = whereVisibleTo(
      this.dataSource.getRepository(CommunicationEntity).createQueryBuilder('c'),
      'c',
      'caseId',
      user.entity,
      now,
    );
    if (query.caseId) builder.andWhere('c.caseId = :caseId', { caseId: query.caseId });
    if (query.state) builder.andWhere('c.stateConcerned = :state', { state: query.state });
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    const today = now.toISOString().slice(0, 10);
    if (query.overdue === true) builder.andWhere(`c.status = 'sent' AND c.replyDueOn < :today`, { today });
    if (query.overdue === false)
      builder.andWhere(`NOT (c.status = 'sent' AND c.replyDueOn < :today)`, { today });
    const rows = await builder.orderBy('c.draftedAt', 'DESC').limit(query.limit).getMany();
    return { communications: rows.map((row) => communicationView(row.document as Communication)) };
  }

  @Get(':id')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'One communication with its text, reply schedule, replies and history' })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingAs('case:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CommunicationView> {
    const row = await this.dataSource.getRepository(CommunicationEntity).findOneBy({ id });
    if (!row) throw new NotFoundException('No such communication');
    const communication = row.document as Communication;
    // A call's letter is read by the entity that sends the call; a case's, through the case's gate.
    if (communication.callForInput && communication.callForInput.entity !== user.entity)
      throw new NotFoundException('No such communication');
    if (row.caseId !== null)
      await this.gate.open({
        service: 'state-communication',
        dataSource: this.dataSource,
        caseId: row.caseId,
        user,
        request,
      });
    return communicationView(communication);
  }
}
