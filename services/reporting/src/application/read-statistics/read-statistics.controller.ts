import { Controller, Get, Inject, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodQuery,
  ZodValidationPipe,
  dayPeriodAsked,
  type DayPeriod,
} from '@reprisals/service-platform';
import { publishStatistics } from '../../domain/statistics/published-statistics';
import {
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
import {
  readStatisticsQuerySchema,
  type ReadStatisticsQuery,
  type StatisticsFormat,
} from './read-statistics.query';
import { statisticsCsv } from './statistics.csv';
import { statisticsDocx } from './statistics.docx';
import { statisticsFileName, type StatisticsExportSource } from './statistics-export';
import { statisticsHtml } from './statistics.html';

const MEDIA_TYPES: Record<Exclude<StatisticsFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

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
  'from categories only. groupBy takes 0 to 3 dimensions: state (State concerned),',
  'region (the UN regional group of the State concerned: african, asia-pacific, eastern-european,',
  'latin-american-caribbean, western-european-others; no-group for the Observer States and States',
  'that are not UN Member States), hrcMember (whether the State concerned sat on the Human Rights',
  'Council in the year the case was received: member, not-member, or not-recorded for a year whose',
  'membership is not shipped, i.e. before 2012 or after the last election recorded), gender, victimKind,',
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
  'would give a small count away are not; with 2 or 3 dimensions the whole table is such a line too.',
  'With state, so are the States of each regional group and of each hrcMember value (per year), the',
  'other dimensions fixed, since a request by region or hrcMember instead publishes their sum.',
  'A year (or, in html and docx, a bar of a chart) that adds up cells of the table (the cells of',
  'that year, the States of a regional group) is withheld as well when one of those cells is hidden,',
  'and another year or bar beside it if needed. Groups with no case are not listed.',
  'format=csv: one row per group, columns: the dimensions in the order asked, then `cases`.',
  'format=html: a standalone page (no script) with headings in English and French, the period, the',
  'threshold, numbered notes, the tables, and four charts as inline SVG (cases per year, by act type,',
  'by region, replies of States), drawn from the published counts only: a count shown as "<T" or',
  '"suppressed" is never drawn, and the caption lists the bars left out. format=docx: the layout of a',
  'UN report with the notes and the same two tables (header rows repeated on every page), no charts.',
  'csv, html and docx come as attachments named case-statistics-<from>-<to>.<format>; no case id or',
  'identity is in them, and each is audited (statistics:read, target statistics:<from>:<to>:<format>).',
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
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @RequirePermission('statistics:read')
  @ApiOperation({
    summary: 'Cases received in a period, by up to three dimensions and per year, small counts hidden',
    description: DESCRIPTION,
  })
  @ApiZodQuery(readStatisticsQuerySchema)
  @ApiProduces('application/json', ...Object.values(MEDIA_TYPES))
  @ApiOkResponse({
    description:
      'JSON: { period, groupBy, suppression, total, groups, years }. CSV, HTML, DOCX: an attachment named case-statistics-<from>-<to>.<format>',
  })
  async read(
    @Query(new ZodValidationPipe(readStatisticsQuerySchema)) query: ReadStatisticsQuery,
    @ActingAs('statistics:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<StatisticsView | StreamableFile> {
    const today = this.clock.now().toISOString().slice(0, 10);
    const period = dayPeriodAsked(query, today);
    const groupBy = query.groupBy ?? [];
    const { threshold } = this.suppression;
    const cases = await casesReceivedInPeriod(this.dataSource, period);
    // The table, the years and the charts are protected together: no bar or year published beside
    // the table may be a sum of its cells that gives a hidden one away (see publishStatistics).
    const { counts: published, charts } = publishStatistics(cases, groupBy, threshold);
    if (query.format !== 'json') {
      const { format } = query;
      const source: StatisticsExportSource = {
        period,
        groupBy,
        threshold,
        madeOn: today,
        counts: published,
        charts: { byActType: charts.actType, byRegion: charts.region, byReply: charts.replyStatus },
      };
      const content =
        format === 'csv'
          ? Buffer.from(statisticsCsv(groupBy, published.groups), 'utf8')
          : format === 'html'
            ? Buffer.from(statisticsHtml(source), 'utf8')
            : await statisticsDocx(source);
      await this.audit.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: 'statistics:read',
        target: `statistics:${period.from}:${period.to}:${format}`,
        outcome: 'allowed',
      });
      return new StreamableFile(content, {
        type: MEDIA_TYPES[format],
        disposition: `attachment; filename="${statisticsFileName(period, format)}"`,
        length: content.length,
      });
    }
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
