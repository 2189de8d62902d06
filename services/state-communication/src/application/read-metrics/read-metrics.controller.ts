import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodQuery,
  ZodValidationPipe,
  type PolicyVersion,
  dayPeriodAsked,
  type DayPeriod,
} from '@reprisals/service-platform';
import { CommunicationPolicies } from '../../infrastructure/policy/communication-policies';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import { communicationMetrics, type CommunicationFigures, type StateFigures } from './communication-metrics';
import { communicationMetricsCsv } from './communication-metrics.csv';
import { communicationsInPeriod } from './communications-in-period.reader';
import { policyVersionsInForce } from './metrics-period';
import { readMetricsQuerySchema, type ReadMetricsQuery } from './read-metrics.query';

/** The figures of a period, per State and overall, with the versions of the rules in force. */
export interface CommunicationMetricsView {
  period: DayPeriod;
  policyVersionsInForce: PolicyVersion[];
  states: StateFigures[];
  overall: CommunicationFigures;
}

const DESCRIPTION = [
  'Counts the communications SENT in the period: those whose schedule.sentAt falls on a day of it',
  '(from and to included, days in UTC). Their replies, reminders and missed deadlines count with',
  'them, whenever they happened. Days to first reply run from the day sent to the day the earliest',
  'reply was received; median and 90th percentile by the nearest-rank method (a value observed;',
  'with an even count, the median is the lower middle value). Communications that never left count',
  'on the day they did not: `stopped` on the day consent or protection stopped them, `failed` on the',
  'day the last dispatch attempt failed (not on the day they were drafted). A call for input counts',
  'like any communication, under its kind. States are listed when at least one communication of',
  'theirs is counted (or when asked for with `state`), by code; `overall` is computed over every',
  'communication counted (only the State asked for, when `state` is given), not averaged.',
  '`policyVersionsInForce`: the versions of the rules in force on at least one day of the period.',
  'format=csv: one row per State then a row ALL; the same columns for every request (every kind and',
  'reply type of the vocabulary, `other` for any outside it); null figures are empty cells.',
].join(' ');

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('state-communication/metrics')
export class ReadMetricsController {
  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policies: CommunicationPolicies,
  ) {}

  @Get()
  @RequirePermission('statistics:read')
  @ApiOperation({
    summary: 'Figures of communications with States over a period, per State and overall, in JSON or CSV',
    description: DESCRIPTION,
  })
  @ApiZodQuery(readMetricsQuerySchema)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'JSON: { period, policyVersionsInForce, states, overall }. CSV: an attachment named communication-metrics-<from>-<to>.csv',
  })
  async read(
    @Query(new ZodValidationPipe(readMetricsQuerySchema)) query: ReadMetricsQuery,
    @ActingAs('statistics:read') _user: ActingUser,
  ): Promise<CommunicationMetricsView | StreamableFile> {
    const today = this.clock.now().toISOString().slice(0, 10);
    const period = dayPeriodAsked(query, today);
    const communications = await communicationsInPeriod(this.dataSource, period, query.state);
    const metrics = communicationMetrics(communications, period, {
      today,
      ...(query.state ? { state: query.state } : {}),
    });
    if (query.format === 'csv')
      return new StreamableFile(Buffer.from(communicationMetricsCsv(metrics), 'utf8'), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="communication-metrics-${period.from}-${period.to}.csv"`,
      });
    return {
      period,
      policyVersionsInForce: policyVersionsInForce(this.policies.all(), period),
      ...metrics,
    };
  }
}
