import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  statisticsSuppressionFromEnvironment,
  StatisticsSuppressionConfigurationError,
} from './statistics-suppression.config';

describe('the threshold below which statistics hide counts', () => {
  it('given no STATISTICS_SUPPRESSION_THRESHOLD, when read, then it is 5', () => {
    expect(statisticsSuppressionFromEnvironment({})).toEqual({ threshold: DEFAULT_SUPPRESSION_THRESHOLD });
    expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(5);
    expect(statisticsSuppressionFromEnvironment({ STATISTICS_SUPPRESSION_THRESHOLD: ' ' })).toEqual({
      threshold: 5,
    });
  });

  it('given a whole number, when read, then it is the threshold', () => {
    expect(statisticsSuppressionFromEnvironment({ STATISTICS_SUPPRESSION_THRESHOLD: '10' })).toEqual({
      threshold: 10,
    });
    expect(statisticsSuppressionFromEnvironment({ STATISTICS_SUPPRESSION_THRESHOLD: '1' })).toEqual({
      threshold: 1,
    });
  });

  it.each(['0', '-3', '2.5', 'five', '1001'])(
    'given %p, when read, then it is refused naming the variable',
    (value) => {
      const read = () => statisticsSuppressionFromEnvironment({ STATISTICS_SUPPRESSION_THRESHOLD: value });
      expect(read).toThrow(StatisticsSuppressionConfigurationError);
      expect(read).toThrow(/STATISTICS_SUPPRESSION_THRESHOLD/);
    },
  );
});
