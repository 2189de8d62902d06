import { writeCaseStories } from './case-stories';
import { demoWeeks } from './demo-calendar';
import { reportingPeriodsBefore } from './reporting-periods';
import { SeededRandom } from './seeded-random';

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
});
