import { readFile } from 'node:fs/promises';

/** The part of Jest's --json output the closing line is computed from. */
export interface JestJsonResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  /** Suites that failed before any test ran (e.g. a compile error). */
  numRuntimeErrorTestSuites?: number;
}

/**
 * `Tests: <passed> passed, <failed> failed[, <skipped> skipped]`. A suite that could not run
 * counts as one failure, so that a broken file never shows as "0 failed".
 */
export function closingLine(results: JestJsonResults): string {
  const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
  const skipped = results.numPendingTests + (results.numTodoTests ?? 0);
  const line = `Tests: ${results.numPassedTests} passed, ${failed} failed`;
  return skipped > 0 ? `${line}, ${skipped} skipped` : line;
}

/** Jest's results file, or undefined when it is missing or unreadable. */
export async function readJestResults(path: string): Promise<JestJsonResults | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<JestJsonResults>;
    return typeof parsed.numPassedTests === 'number' && typeof parsed.numFailedTests === 'number'
      ? ({ numPendingTests: 0, ...parsed } as JestJsonResults)
      : undefined;
  } catch {
    return undefined;
  }
}
