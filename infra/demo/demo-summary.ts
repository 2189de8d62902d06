import { FICTIONAL_STATES } from '@reprisals/un-states';
import type { DemoSummary } from './fill-demo';

/** What the demonstration prints at the end: its figures as a table, and where to look. */
export function describeSummary(summary: DemoSummary): string {
  const { tally, reports, briefings, baseUrl } = summary;
  const rows: Array<[string, string]> = [
    ['cases received', String(tally.cases)],
    ['  screened out of scope', String(tally.outOfScope)],
    ['  verification concluded (late for their report)', `${tally.concluded} (${tally.lateConclusions})`],
    ['  protection risk flagged', String(tally.flagged)],
    ['  consent withdrawn later', String(tally.withdrawals)],
    ['response actions decided', String(tally.actions)],
    ["  the HRC President's good offices", String(tally.goodOffices)],
    ['letters to Permanent Missions', String(tally.letters)],
    ['  replies of States', String(tally.replies)],
    ['  missed deadlines', String(tally.missedDeadlines)],
    ...Object.entries(summary.byState)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([state, cases]): [string, string] => [
        `cases concerning ${nameOf(state)} (${state})`,
        String(cases),
      ]),
    ...reports.map((report): [string, string] => [
      `report ${report.period.from} to ${report.period.to}`,
      `annex I ${report.annexI}, annex II ${report.annexII}, left out ${report.excluded}, ${report.version === null ? 'draft' : `finalised v${report.version}`}`,
    ]),
    ...briefings.map((briefing): [string, string] => [
      `President's briefing ${briefing.period.from} to ${briefing.period.to}`,
      `brought ${briefing.annexI}, followed up ${briefing.annexII}, left out ${briefing.excluded}, ${briefing.version === null ? 'draft' : `finalised v${briefing.version}`}`,
    ]),
    ['API calls, seconds', `${summary.calls}, ${summary.seconds}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const first = summary.periods[0]!.from;
  const lines = [
    '',
    ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
    '',
    'Open, with a token of the reporting-analyst role (ANALYST=$(npm run token -- --role reporting-analyst --entity OHCHR);',
    'curl -H "authorization: Bearer $ANALYST" -o report.html <url>):',
    ...[...reports, ...briefings].map(
      (report) =>
        `  ${report.symbol.padEnd(26)} ${baseUrl}/reporting/cycles/${report.id}/export?format=html  (also docx, csv, json)`,
    ),
    `  statistics                 ${baseUrl}/reporting/statistics?from=${first}&groupBy=state,year&format=html`,
    `  by regional group          ${baseUrl}/reporting/statistics?from=${first}&groupBy=region,hrcMember&format=html`,
    `  replies of States          ${baseUrl}/state-communication/metrics?from=${first}   (a supervisor's or liaison's token)`,
    `  the API                    ${baseUrl}/docs`,
  ];
  return lines.join('\n');
}

const nameOf = (code: string): string =>
  FICTIONAL_STATES.find((state) => state.alpha3 === code)?.names.en ?? code;
