import { writeCaseStories } from './case-stories';
import { demoWeeks } from './demo-calendar';
import { plannedBriefings } from './president-briefings';
import { reportingPeriodsBefore } from './reporting-periods';
import { SeededRandom } from '@reprisals/testing';

const periods = reportingPeriodsBefore('2026-11-29');
const stories = (seed: number, cases = 120) =>
  writeCaseStories({ cases, seed, today: '2026-11-29', periods });

describe('the demonstration’s case stories', () => {
  it('are the same for the same seed, and others for another', () => {
    expect(JSON.stringify(stories(7))).toBe(JSON.stringify(stories(7)));
    expect(JSON.stringify(stories(8))).not.toBe(JSON.stringify(stories(7)));
    expect([new SeededRandom(1).next(), new SeededRandom(1).next()]).toEqual([
      new SeededRandom(1).next(),
      new SeededRandom(1).next(),
    ]);
  });

  it('spread over three past annual periods and the current one, nothing after the day before yesterday', () => {
    expect(periods.map((period) => [period.from, period.to, period.current])).toEqual([
      ['2023-05-01', '2024-04-30', false],
      ['2024-05-01', '2025-04-30', false],
      ['2025-05-01', '2026-04-30', false],
      ['2026-05-01', '2027-04-30', true],
    ]);
    const all = stories(5424, 300);
    for (const [index, period] of periods.entries()) {
      const inPeriod = all.filter((story) => story.period === index);
      expect(inPeriod.length).toBeGreaterThan(30);
      expect(
        inPeriod.every((story) => story.receivedOn >= period.from && story.receivedOn <= period.to),
      ).toBe(true);
    }
    expect(all.flatMap((story) => story.steps).every((step) => step.on <= '2026-11-27')).toBe(true);
  });

  it('concern fictional States only, name no one but invented people, and vary as the reports need', () => {
    const all = stories(5424, 300);
    expect(new Set(all.map((story) => story.state))).toEqual(
      new Set(['XBO', 'XEL', 'XFR', 'XGR', 'XRU', 'XSY']),
    );
    const names = all.flatMap((story) => [
      ...(story.allegation['victims'] as Array<{ name: string }>).map((victim) => victim.name),
      ...(story.allegation['sources'] as Array<{ name: string }>).map((source) => source.name),
    ]);
    expect(names.every((name) => / \(fictional (person|organisation)\)$/.test(name))).toBe(true);
    expect(new Set(all.map((story) => story.consent))).toEqual(
      new Set(['named', 'anonymous', 'no-publish', 'no-raise', 'none']),
    );
    expect(new Set(all.flatMap((story) => (story.conclusion ? [story.conclusion.outcome] : [])))).toEqual(
      new Set(['verified', 'credible-not-verified', 'unverified', 'rejected', 'falsely-attributed']),
    );
    const answers = all.flatMap((story) => story.letters.map((letter) => letter.answer.kind));
    expect(answers).toContain('reply');
    expect(answers).toContain('silence');
    const kinds = new Set(all.flatMap((story) => story.steps.map((step) => step.kind)));
    for (const kind of ['flag-protection-risk', 'lift-protection-risk', 'withdraw-consent'] as const)
      expect(kinds).toContain(kind);
    expect(all.some((story) => story.conclusion?.late)).toBe(true);
    expect(all.some((story) => story.screening.inScope === false)).toBe(true);
  });

  it('take every step of a case after the one it needs: a response only once verification concluded', () => {
    for (const story of stories(5424, 300)) {
      const concluded = story.steps.find((step) => step.kind === 'conclude')?.on;
      for (const step of story.steps)
        if (step.kind === 'decide-internal' && step.tool !== 'protection-referral')
          expect([story.index, concluded !== undefined && step.on > concluded]).toEqual([story.index, true]);
    }
  });

  it('write to a State only with consent to raise the case and no protection flag standing', () => {
    for (const story of stories(5424, 300)) {
      if (story.letters.length === 0) continue;
      expect(['named', 'anonymous', 'no-publish']).toContain(story.consent);
      const flagged = story.steps.some((step) => step.kind === 'flag-protection-risk');
      const lifted = story.steps.some((step) => step.kind === 'lift-protection-risk');
      expect(!flagged || lifted).toBe(true);
    }
  });

  it('walk the calendar in weeks that never cross the end of a reporting period', () => {
    const weeks = demoWeeks(periods, '2026-11-27');
    expect(weeks[0]).toEqual({ from: '2023-05-01', to: '2023-05-07', period: 0 });
    expect(weeks.at(-1)!.to).toBe('2026-11-27');
    for (const week of weeks) {
      const period = periods[week.period]!;
      expect(week.from >= period.from && week.to <= period.to && week.from <= week.to).toBe(true);
    }
  });

  it("bring some serious cases with consent to raise them to the President's good offices, in every past period", () => {
    const all = stories(5424, 300);
    const brought = all.filter((story) =>
      story.letters.some((letter) => letter.tool === 'hrc-president-good-offices'),
    );
    expect(brought.length).toBeGreaterThanOrEqual(15);
    for (const story of brought) {
      expect(story.screening.inScope).toBe(true);
      expect(['named', 'anonymous', 'no-publish']).toContain(story.consent);
    }
    for (const period of [0, 1, 2]) expect(brought.some((story) => story.period === period)).toBe(true);
    // Briefed (consent to publication, an outcome a report rests on) in the e2e's smaller demonstration too.
    expect(
      stories(5424, 24).some(
        (story) =>
          story.letters.some((letter) => letter.tool === 'hrc-president-good-offices') &&
          ['named', 'anonymous'].includes(story.consent) &&
          ['verified', 'credible-not-verified'].includes(story.conclusion?.outcome ?? ''),
      ),
    ).toBe(true);
  });

  it('plan a President’s briefing per Council session, each following the last, finalised once briefed, then the current one as a draft', () => {
    const briefings = plannedBriefings('2023-05-01', '2026-11-27');
    expect(briefings.map((briefing) => [briefing.from, briefing.to, briefing.finalisedOn])).toEqual([
      ['2023-05-01', '2023-06-30', '2023-07-14'],
      ['2023-07-01', '2023-09-30', '2023-10-14'],
      ['2023-10-01', '2024-03-31', '2024-04-14'],
      ['2024-04-01', '2024-06-30', '2024-07-14'],
      ['2024-07-01', '2024-09-30', '2024-10-14'],
      ['2024-10-01', '2025-03-31', '2025-04-14'],
      ['2025-04-01', '2025-06-30', '2025-07-14'],
      ['2025-07-01', '2025-09-30', '2025-10-14'],
      ['2025-10-01', '2026-03-31', '2026-04-14'],
      ['2026-04-01', '2026-06-30', '2026-07-14'],
      ['2026-07-01', '2026-09-30', '2026-10-14'],
      ['2026-10-01', '2027-03-31', undefined],
    ]);
    // A session whose briefing day has not come yet is the draft.
    expect(plannedBriefings('2023-05-01', '2026-10-05').at(-1)).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      finalisedOn: undefined,
    });
  });
});
