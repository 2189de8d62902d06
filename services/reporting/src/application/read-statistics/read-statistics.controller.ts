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
  dayPeriodAsked,
  type DayPeriod,
} from '@reprisals/service-platform';
import { countCases } from '../../domain/statistics/case-counts';
import {
  publishCounts,
  smallCountMarker,
  SUPPRESSED,
  type PublishedCount,
} from '../../domain/statistics/small-count-suppression';
import type { StatisticsDimension } from '../../domain/statistics/statistics-dimensions';
import {
  STATISTICS_SUPPRESSION,
  type StatisticsSuppressionConfig,
} from '../../infrastructure/config/statistics-suppression.config';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';
import { casesReceivedInPeriod } from './cases-received-in-period.reader';
import { readStatisticsQuerySchema, type ReadStatisticsQuery } from './read-statistics.query';
import { statisticsCsv } from './statistics.csv';

/** The figures of a period: cases per group, in total and per year of reception. */
export interface StatisticsView {
  period: DayPeriod;
  groupBy: StatisticsDimension[];
  /** Counts from 1 to threshold − 1 are `small`; `suppressed` hides a larger one that would give one away. */
  suppression: { threshold: number; small: string; suppressed: string };
  total: PublishedCount;
  /** One row per group: the value of each dimension asked for, and `cases`. */
  groups: Array<Record<string, string | number>>;
  years: Array<{ year: number; cases: PublishedCount }>;
}

const DESCRIPTION = [
  'Counts the cases RECEIVED on a day of the period (from and to included; default: the twelve months',
  'up to today), across the whole system whichever entity leads them (HRC resolution 54/24, para 11),',
  'from categories only. groupBy takes 0 to 3 dimensions: state (State concerned), gender, victimKind,',
  'profile, actType, online, mechanism, category (para 4), anonymity (current consent to publish:',
  'named, anonymous or no), perpetrator, verificationOutcome (pending until concluded), responseAction',
  '(the types decided and not cancelled; none), replyStatus (replied, deadline-missed, awaiting, none)',
  'and year. MULTI-VALUED dimensions (gender, victimKind, profile: one value per victim; actType,',
  'online, perpetrator: one per act; responseAction: one per action) count a case ONCE PER VALUE it',
  'has: a case with a woman and a man as victims counts once under each, so groups may add up to more',
  'than the total. Dimensions of the same victim or act go together, act by act (an online hacking',
  'and an offline threat make no online threat); those of different subjects combine within the case.',
  'A case without victims or acts counts under not-recorded (organisations: not-applicable for gender',
  'and profile). `years` always gives the cases per year of reception, each counted once.',
  'SMALL COUNTS: a count from 1 to T-1 (T = STATISTICS_SUPPRESSION_THRESHOLD, default 5) is shown as',
  'the string "<T". Since the cells of a line (every value of one dimension, the others fixed) add up',
  'to a published total (`total` for the years and for one dimension, the groups of the same request',
  'without that dimension otherwise), small cells are never hidden alone: in every line, larger cells',
  'are hidden too, as "suppressed", the smallest that suffice, until subtracting the cells shown from',
  'the total leaves every small one anywhere from 1 to T-1. Totals are published; the cells that',
  'would give a small count away are not. Groups with no case are not listed.',
  'format=csv: one row per group, columns: the dimensions in the order asked, then `cases`.',
].join(' ');

@ApiTags('reporting')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('reporting/statistics')
export class ReadStatisticsController {
  constructor(
    @InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(STATISTICS_SUPPRESSION) private readonly suppression: StatisticsSuppressionConfig,
  ) {}

  @Get()
  @RequirePermission('statistics:read')
  @ApiOperation({
    summary: 'Cases received in a period, by up to three dimensions and per year, small counts hidden',
    description: DESCRIPTION,
  })
  @ApiZodQuery(readStatisticsQuerySchema)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'JSON: { period, groupBy, suppression, total, groups, years }. CSV: an attachment named case-statistics-<from>-<to>.csv',
  })
  async read(
    @Query(new ZodValidationPipe(readStatisticsQuerySchema)) query: ReadStatisticsQuery,
    @ActingAs('statistics:read') _user: ActingUser,
  ): Promise<StatisticsView | StreamableFile> {
    const period = dayPeriodAsked(query, this.clock.now().toISOString().slice(0, 10));
    const groupBy = query.groupBy ?? [];
    const { threshold } = this.suppression;
    const counts = countCases(await casesReceivedInPeriod(this.dataSource, period), groupBy);
    const published = publishCounts(counts, threshold);
    if (query.format === 'csv')
      return new StreamableFile(Buffer.from(statisticsCsv(groupBy, published.groups), 'utf8'), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="case-statistics-${period.from}-${period.to}.csv"`,
      });
    return {
      period,
      groupBy,
      suppression: { threshold, small: smallCountMarker(threshold), suppressed: SUPPRESSED },
      total: published.total,
      groups: published.groups.map((group) => ({
        ...Object.fromEntries(groupBy.map((dimension, index) => [dimension, group.values[index] ?? ''])),
        cases: group.cases,
      })),
      years: published.years,
    };
  }
}
