import { RequestValidationError, dayPeriodAsked } from '@reprisals/service-platform';
import { readStatisticsQuerySchema } from './read-statistics.query';

/** The fields a 400 would name for this query string's parameters. */
function refusedFields(query: Record<string, unknown>): string[] {
  const result = readStatisticsQuerySchema.safeParse(query);
  if (result.success) return [];
  return RequestValidationError.fromZod(result.error, 'query').issues.map((issue) => issue.field);
}

describe('the query of statistics', () => {
  it('given dimensions separated by commas, when read, then they are listed in the order asked, json by default', () => {
    expect(readStatisticsQuerySchema.parse({ groupBy: 'state, gender,actType' })).toEqual({
      groupBy: ['state', 'gender', 'actType'],
      format: 'json',
    });
    expect(readStatisticsQuerySchema.parse({ groupBy: '', format: 'csv' })).toEqual({
      groupBy: [],
      format: 'csv',
    });
    expect(readStatisticsQuerySchema.parse({ groupBy: ['state', 'year'] }).groupBy).toEqual([
      'state',
      'year',
    ]);
  });

  it('given an unknown dimension, more than three, or one twice, when read, then the 400 names groupBy', () => {
    expect(refusedFields({ groupBy: 'state,continent' })).toEqual(['groupBy.1']);
    expect(refusedFields({ groupBy: 'state,gender,actType,online' })).toEqual(['groupBy']);
    expect(refusedFields({ groupBy: 'state,state' })).toEqual(['groupBy']);
  });

  it('given a period that ends before it starts, bad dates, an unknown format and an unknown field, when read, then the 400 names each', () => {
    expect(refusedFields({ from: '2026-06-01', to: '2026-05-01' })).toEqual(['from', 'to']);
    expect(refusedFields({ from: '2026-13-01', format: 'xlsx', colour: 'red' }).sort()).toEqual(
      ['colour', 'format', 'from'].sort(),
    );
  });

  it('given a name in place of a dimension, when refused, then the answer does not quote it', () => {
    const result = readStatisticsQuerySchema.safeParse({ groupBy: 'Zebulon Quartermaine' });
    expect(result.success).toBe(false);
    expect(
      JSON.stringify(RequestValidationError.fromZod(result.error!, 'query').getResponse()),
    ).not.toContain('Zebulon');
  });
});

describe('the period of statistics', () => {
  it('given no dates, when read on a day, then it is the twelve months up to that day', () => {
    expect(dayPeriodAsked({}, '2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(dayPeriodAsked({}, '2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });

  it('given only a start after today, when read, then the 400 names both ends', () => {
    expect(() => dayPeriodAsked({ from: '2027-01-01' }, '2026-11-30')).toThrow(RequestValidationError);
  });
});
