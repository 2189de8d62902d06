import { FICTIONAL_STATES, isFictionalStateCode } from '@reprisals/un-states';
import { compileAnnualReport, type DemoReport } from './annual-reports';
import { writeCaseStories, type CaseStory } from './case-stories';
import { CaseWalk, emptyTally, type WalkTally } from './case-walk';
import { DemoClient, DemoCallFailed } from './demo-client';
import { staff } from './demo-cast-of-staff';
import { demoWeeks, inPool } from './demo-calendar';
import { compileBriefing, plannedBriefings } from './president-briefings';
import { addDays, dayOf, reportingPeriodsBefore, type ReportingPeriod } from './reporting-periods';

/** The system cannot or must not be filled: not there, not in demo mode, or filled already. */
export class DemoRefused extends Error {
  override readonly name = 'DemoRefused';
}

export interface FillOptions {
  baseUrl: string;
  /** How many cases; 300 by default. */
  cases?: number;
  seed?: number;
  /** Cases walked at once within a week. */
  concurrency?: number;
  /** The real day; the system's clock's by default. */
  today?: string;
  log?: (line: string) => void;
}

export interface DemoSummary {
  baseUrl: string;
  periods: ReportingPeriod[];
  tally: WalkTally;
  reports: DemoReport[];
  /** The HRC President's briefings, one per Council session: the past ones finalised, the current one a draft. */
  briefings: DemoReport[];
  byState: Record<string, number>;
  calls: number;
  seconds: number;
}

/** Days after a period's end when its annual report is compiled and finalised: late conclusions are in. */
const REPORT_AFTER_DAYS = 75;

/**
 * Fills a system running in demo mode, through its public API only, with the demonstration's
 * cases over three past reporting periods and the current one: reception, screening, verification,
 * response, letters to the fictional States' Missions, their replies and silences, the annual
 * report of each period (the past ones finalised, the current one a draft), and the HRC
 * President's briefing at each Council session on the cases brought to the President's good
 * offices (the past ones finalised, the current one a draft). The demo clock walks the weeks and
 * ends at the system's time.
 */
export async function fillDemoData(options: FillOptions): Promise<DemoSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const client = new DemoClient(options.baseUrl.replace(/\/$/, ''));
  const admin = staff.admin();

  log(`Checking the system at ${client.baseUrl}`);
  await checkDemoSystem(client);
  const today =
    options.today ?? dayOf(new Date((await client.call<{ now: string }>(admin, 'GET', '/demo/clock')).now));
  const periods = reportingPeriodsBefore(today);
  await refuseIfFilled(client, periods[0]!.from, today);
  log(
    `Tokens for the demonstration's staff and the Missions of ${FICTIONAL_STATES.map((state) => state.alpha3).join(', ')}, signed with the development secret`,
  );

  const stories = writeCaseStories({
    cases: options.cases ?? 300,
    seed: options.seed ?? 5424,
    today,
    periods,
  });
  const tally = emptyTally();
  const walks = stories.map((story) => new CaseWalk(story, client, tally));
  const cursors = new Map<CaseWalk, number>(walks.map((walk) => [walk, 0]));
  const steps = stories.reduce((sum, story) => sum + story.steps.length, 0);
  log(
    `${stories.length} fictional cases written from seed ${options.seed ?? 5424}: ${steps} steps from ${periods[0]!.from} to ${today}`,
  );
  for (const story of stories) story.steps.sort((a, b) => a.on.localeCompare(b.on));

  const lastDay = addDays(today, -2);
  const weeks = demoWeeks(periods, lastDay);
  const reportWeeks = new Map<number, number[]>();
  periods.forEach((period, index) => {
    if (period.current) return;
    const due = addDays(period.to, REPORT_AFTER_DAYS);
    const week = weeks.findIndex((candidate) => candidate.to >= due);
    const at = week === -1 ? weeks.length - 1 : week;
    reportWeeks.set(at, [...(reportWeeks.get(at) ?? []), index]);
  });
  const briefings = plannedBriefings(periods[0]!.from, lastDay);
  const briefingWeeks = new Map<number, number[]>();
  briefings.forEach((briefing, index) => {
    if (briefing.finalisedOn === undefined) return;
    const week = weeks.findIndex((candidate) => candidate.to >= briefing.finalisedOn!);
    const at = week === -1 ? weeks.length - 1 : week;
    briefingWeeks.set(at, [...(briefingWeeks.get(at) ?? []), index]);
  });

  try {
    return await liveThrough();
  } catch (error) {
    // Whatever failed, the system is left at its own time.
    await client.send(admin, 'PUT', '/demo/clock', { now: null }).catch(() => undefined);
    throw error;
  }

  async function liveThrough(): Promise<DemoSummary> {
    const reports: DemoReport[] = [];
    const briefed: DemoReport[] = [];
    const brief = async (index: number) => {
      const briefing = briefings[index]!;
      const compiled = await compileBriefing(
        client,
        briefing,
        index === 0,
        // A consent withdrawn since cancelled the good offices: the case is no longer the briefing's.
        walks.flatMap((walk) =>
          !walk.consentWithdrawn &&
          walk.goodOfficesOn.some((day) => day >= briefing.from && day <= briefing.to)
            ? [walk.id]
            : [],
        ),
      );
      briefed.push(compiled);
      log(
        `President's briefing ${compiled.period.from} to ${compiled.period.to} (${compiled.symbol}): brought to the President ${compiled.annexI}, followed up ${compiled.annexII}, left out ${compiled.excluded}; ${compiled.version === null ? 'a draft' : `finalised as version ${compiled.version}`}`,
      );
    };
    const missed = new Set<string>();
    let done = 0;
    let shown = 0;
    for (const [weekIndex, week] of weeks.entries()) {
      await client.call(admin, 'PUT', '/demo/clock', { now: `${week.to}T12:00:00.000Z` });
      const due = walks.filter((walk) => (walk.story.steps[cursors.get(walk)!]?.on ?? '9999') <= week.to);
      await inPool(due, options.concurrency ?? 6, async (walk) => {
        for (let next = cursors.get(walk)!; next < walk.story.steps.length; next += 1) {
          const step = walk.story.steps[next]!;
          if (step.on > week.to) break;
          await walk.take(step, week.to);
          cursors.set(walk, next + 1);
          done += 1;
        }
      });
      const percent = Math.floor((done / Math.max(1, steps)) * 100);
      if (percent >= shown + 10 || (weekIndex === weeks.length - 1 && shown < 100)) {
        shown = percent - (percent % 10);
        log(
          `  ${String(percent).padStart(3)}% week of ${week.from}: ${tally.cases} cases received, ${tally.concluded} concluded, ${tally.letters} letters, ${tally.replies} replies`,
        );
      }
      for (const index of reportWeeks.get(weekIndex) ?? []) {
        await awaitMissedDeadlines(walks, week.to, missed);
        const report = await compileAnnualReport(
          client,
          periods[index]!,
          expectedOf(walks, index, periods[index]!),
        );
        reports.push(report);
        log(
          `Annual report ${report.period.from} to ${report.period.to} (${report.symbol}): annex I ${report.annexI}, annex II ${report.annexII}, left out ${report.excluded}; finalised as version ${report.version}`,
        );
      }
      for (const index of briefingWeeks.get(weekIndex) ?? []) await brief(index);
    }

    log('Demo clock back at the system time');
    await client.call(admin, 'PUT', '/demo/clock', { now: null });
    await awaitMissedDeadlines(walks, today, missed);
    tally.missedDeadlines = missed.size;
    const current = periods.length - 1;
    const draft = await compileAnnualReport(
      client,
      periods[current]!,
      expectedOf(walks, current, periods[current]!),
    );
    reports.push(draft);
    log(
      `Annual report ${draft.period.from} to ${draft.period.to} (${draft.symbol}): annex I ${draft.annexI}, annex II ${draft.annexII}, left out ${draft.excluded}; a draft`,
    );
    await brief(briefings.length - 1);
    const byState: Record<string, number> = {};
    for (const walk of walks)
      if (walk.caseId) byState[walk.story.state] = (byState[walk.story.state] ?? 0) + 1;
    return {
      baseUrl: client.baseUrl,
      periods,
      tally,
      reports,
      briefings: briefed,
      byState,
      calls: client.calls,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  }
}

async function checkDemoSystem(client: DemoClient): Promise<void> {
  const start = `start one with: DEMO_MODE=true npm start (or set DEMO_URL to where it runs)`;
  let health;
  try {
    health = await client.send(undefined, 'GET', '/health');
  } catch (error) {
    if (error instanceof DemoCallFailed)
      throw new DemoRefused(`No system answers at ${client.baseUrl}: ${start}`);
    throw error;
  }
  if (health.status !== 200)
    throw new DemoRefused(
      `The system at ${client.baseUrl} is not healthy (GET /health answered ${health.status})`,
    );
  const clock = await client.send(staff.admin(), 'GET', '/demo/clock');
  if (clock.status === 404)
    throw new DemoRefused(
      `The system at ${client.baseUrl} is not in demo mode, which alone admits the fictional States: stop it and ${start}`,
    );
  if (clock.status === 401)
    throw new DemoRefused(
      `The system at ${client.baseUrl} refuses the development tokens: give this command the JWT_SECRET it verifies with`,
    );
  if (clock.status !== 200) throw new DemoCallFailed('GET', '/demo/clock', clock.status);
}

/** A system that already holds cases of fictional States was filled before: never twice. */
async function refuseIfFilled(client: DemoClient, from: string, today: string): Promise<void> {
  const statistics = await client.call<{ groups: Array<{ state: string }> }>(
    staff.analyst(),
    'GET',
    `/reporting/statistics?from=${from}&to=${today}&groupBy=state`,
  );
  const filled = statistics.groups.some((group) => isFictionalStateCode(group.state));
  if (filled)
    throw new DemoRefused(
      `The system at ${client.baseUrl} already holds the demonstration's cases: it is filled once only. ` +
        'For a new demonstration, start a system on a fresh database (DATABASE_URL, or a new .data directory).',
    );
}

/** The letters left unanswered past their deadline by `today`: their missed deadlines must be in before a report. */
async function awaitMissedDeadlines(
  walks: readonly CaseWalk[],
  today: string,
  missed: Set<string>,
): Promise<void> {
  const waiting = walks.flatMap((walk) =>
    walk
      .silentLettersDueBy(today)
      .filter((index) => !missed.has(walk.communications.get(index)!))
      .map((index) => ({ walk, index })),
  );
  await inPool(waiting, 6, async ({ walk, index }) => {
    await walk.deadlineMissed(index);
    missed.add(walk.communications.get(index)!);
  });
}

function expectedOf(
  walks: readonly CaseWalk[],
  period: number,
  dates: ReportingPeriod,
): { received: string[]; concludedByCutOff: string[] } {
  const inPeriod = walks.filter((walk) => walk.story.period === period && walk.caseId);
  return {
    received: inPeriod.map((walk) => walk.caseId!),
    concludedByCutOff: inPeriod
      .filter((walk) => isConcludedBy(walk.story, dates.to) && walk.story.screening.inScope)
      .map((walk) => walk.caseId!),
  };
}

const isConcludedBy = (story: CaseStory, day: string): boolean =>
  story.conclusion !== undefined &&
  story.conclusion.on <= day &&
  story.steps.some((step) => step.kind === 'conclude');
