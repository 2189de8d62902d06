import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodQuery,
  UuidParamPipe,
  ZodValidationPipe,
} from '@reprisals/service-platform';
import type { CallForInput } from '../../domain/call-for-input/call-for-input';
import { CallForInputEntity } from '../../infrastructure/persistence/call-for-input.entity';
import { CallForInputRepository } from '../../infrastructure/persistence/call-for-input.repository';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import { callForInputView, type CallForInputView } from './call-for-input.view';

const listCallsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('At most this many (1 to 100)'),
});

/** A call as lists show it: what it is and where it stands, without each State's line. */
type CallForInputSummary = Omit<CallForInputView, 'recipients' | 'history'>;

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such call for input' })
@Controller('state-communication/calls-for-input')
export class ReadCallsForInputController {
  private readonly calls = new CallForInputRepository();

  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  @Get()
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'The calls for input of the caller’s entity, latest period first, with their totals (sent, replied, reply rate, missed)',
  })
  @ApiZodQuery(listCallsQuerySchema)
  async list(
    @Query(new ZodValidationPipe(listCallsQuerySchema)) query: z.infer<typeof listCallsQuerySchema>,
    @ActingAs('case:read') user: ActingUser,
  ): Promise<{ callsForInput: CallForInputSummary[] }> {
    const rows = await this.dataSource
      .getRepository(CallForInputEntity)
      .find({ where: { entity: user.entity }, order: { periodTo: 'DESC' }, take: query.limit });
    const callsForInput: CallForInputSummary[] = [];
    for (const row of rows) {
      const {
        recipients: _recipients,
        history: _history,
        ...summary
      } = callForInputView(
        row.document as CallForInput,
        await this.calls.letters(this.dataSource.manager, row.id),
        this.today(),
      );
      callsForInput.push(summary);
    }
    return { callsForInput };
  }

  @Get(':id')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'One call for input with each State’s line: its letter, when it was sent and is due, its first reply, reminders sent and a missed deadline',
  })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingAs('case:read') user: ActingUser,
  ): Promise<CallForInputView> {
    const row = await this.dataSource
      .getRepository(CallForInputEntity)
      .findOneBy({ id, entity: user.entity });
    if (!row) throw new NotFoundException('No such call for input');
    return callForInputView(
      row.document as CallForInput,
      await this.calls.letters(this.dataSource.manager, id),
      this.today(),
    );
  }
}
