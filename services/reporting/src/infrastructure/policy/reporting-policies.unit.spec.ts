import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyFileError } from '@reprisals/service-platform';
import { loadReportingPolicies } from './reporting-policies';

describe('the published rules of reports', () => {
  it('given the shipped version, when loaded, then the annual report runs 1 May to 30 April and rests on verified or credible cases', () => {
    const [policy] = loadReportingPolicies();

    expect(policy!.version).toBe('reporting/v1');
    expect(policy!.annualCycleOf('2026-11-29')).toMatchObject({
      periodFrom: '2026-05-01',
      periodTo: '2027-04-30',
    });
    expect(policy!.inclusion.reportableOutcomes).toEqual(['verified', 'credible-not-verified']);
  });

  it('given a broken file, when loaded, then the error names each field at fault', () => {
    const directory = mkdtempSync(join(tmpdir(), 'reporting-policy-'));
    try {
      writeFileSync(
        join(directory, 'reporting.v1.yaml'),
        [
          'version: reporting/v1',
          'title: Broken',
          'effectiveFrom: 2026-01-01',
          'annualReport: { periodStarts: 13-01, cutOffDaysAfterPeriodEnd: 0 }',
          'inclusion: { reportableOutcomes: [probably] }',
        ].join('\n'),
      );
      const error = (() => {
        try {
          loadReportingPolicies(directory);
        } catch (thrown) {
          return thrown;
        }
        throw new Error('loaded');
      })();
      expect(error).toBeInstanceOf(PolicyFileError);
      const problems = (error as PolicyFileError).problems.join('\n');
      expect(problems).toContain('annualReport.periodStarts');
      expect(problems).toContain('inclusion.reportableOutcomes.0');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
