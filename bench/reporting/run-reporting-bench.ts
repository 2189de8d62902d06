/**
 * `npm run bench:reporting [-- --cases N --lanes L --standalone-share S --runs R --seed X --explain]`:
 * synthetic cases (default 100 000, about ten events each) projected by reporting, the annual
 * report compiled and the statistics read over them, each against a baseline of the same run.
 */
import { parseArgs } from 'node:util';
import { benchReporting, type ReportingBenchSettings } from './reporting.bench';

function settingsOf(): ReportingBenchSettings {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      lanes: { type: 'string', default: '3' },
      'standalone-share': { type: 'string', default: '0.05' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '2026' },
      explain: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const number = (name: keyof typeof values, min: number, max: number): number => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min || value > max)
      throw new Error(`--${name} must be a number from ${min} to ${max}`);
    return value;
  };
  return {
    cases: Math.floor(number('cases', 10, 999_999)),
    lanes: Math.floor(number('lanes', 1, 64)),
    standaloneShare: number('standalone-share', 0, 1),
    runs: Math.floor(number('runs', 1, 20)),
    seed: Math.floor(number('seed', 0, 2 ** 31)),
    explain: values.explain,
  };
}

process.env['LOG_LEVEL'] ??= 'warn';
Promise.resolve()
  .then(() => benchReporting(settingsOf()))
  .catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : 'unknown'}\n`,
    );
    process.exit(1);
  });
