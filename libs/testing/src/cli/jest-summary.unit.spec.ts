import { closingLine } from './jest-summary';

describe('closingLine', () => {
  it('shows passed and failed', () => {
    expect(closingLine({ numPassedTests: 42, numFailedTests: 0, numPendingTests: 0 })).toBe(
      'Tests: 42 passed, 0 failed',
    );
  });

  it('adds skipped only when some were', () => {
    expect(closingLine({ numPassedTests: 3, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 })).toBe(
      'Tests: 3 passed, 1 failed, 3 skipped',
    );
  });

  it('counts a suite that could not run as a failure', () => {
    expect(
      closingLine({ numPassedTests: 5, numFailedTests: 0, numPendingTests: 0, numRuntimeErrorTestSuites: 1 }),
    ).toBe('Tests: 5 passed, 1 failed');
  });
});
