import { RequestValidationError, dayPeriodAsked } from '@reprisals/service-platform';
import { policyVersionsInForce } from './metrics-period';

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestValidationError) return error.issues.map((issue) => issue.field);
    throw error;
  }
  throw new Error('not refused');
};

describe('the period of the figures', () => {
  it('given no dates, when the period is resolved, then it is the twelve months up to today', () => {
    expect(dayPeriodAsked({}, '2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(dayPeriodAsked({}, '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('given only one end, when the period is resolved, then the other is defaulted from it', () => {
    expect(dayPeriodAsked({ to: '2028-02-29' }, '2026-11-30')).toEqual({
      from: '2027-03-01',
      to: '2028-02-29',
    });
    expect(dayPeriodAsked({ from: '2026-06-01' }, '2026-11-30')).toEqual({
      from: '2026-06-01',
      to: '2026-11-30',
    });
  });

  it('given from after to, when the period is resolved, then a 400 names both fields', () => {
    expect(fieldsOf(() => dayPeriodAsked({ from: '2026-06-02', to: '2026-06-01' }, '2026-11-30'))).toEqual([
      'from',
      'to',
    ]);
    expect(fieldsOf(() => dayPeriodAsked({ from: '2027-01-01' }, '2026-11-30'))).toEqual(['from', 'to']);
    expect(dayPeriodAsked({ from: '2026-06-01', to: '2026-06-01' }, '2026-11-30')).toEqual({
      from: '2026-06-01',
      to: '2026-06-01',
    });
  });

  it('given published versions, when those in force during a period are listed, then a version replaced before it or starting after it is left out', () => {
    const versions = [
      { version: 'v3', effectiveFrom: '2027-01-01' },
      { version: 'v1', effectiveFrom: '2025-01-01' },
      { version: 'v2', effectiveFrom: '2026-03-01' },
    ];

    expect(policyVersionsInForce(versions, { from: '2026-01-01', to: '2026-12-31' })).toEqual([
      { version: 'v1', effectiveFrom: '2025-01-01' },
      { version: 'v2', effectiveFrom: '2026-03-01' },
    ]);
    expect(policyVersionsInForce(versions, { from: '2026-03-01', to: '2027-01-01' })).toEqual([
      { version: 'v2', effectiveFrom: '2026-03-01' },
      { version: 'v3', effectiveFrom: '2027-01-01' },
    ]);
    expect(policyVersionsInForce(versions, { from: '2020-01-01', to: '2024-12-31' })).toEqual([]);
  });
});
