/**
 * `npm run demo [-- --cases N] [--seed S]`: fills the system at DEMO_URL (default
 * http://127.0.0.1:3000), started with DEMO_MODE=true, with a fictional demonstration through
 * its public API, then prints a summary and where to look. Exits 2 when the system cannot be
 * filled (not there, not in demo mode, filled already), 1 when a call fails.
 */
import { parseArgs } from 'node:util';
import { DemoCallFailed } from './demo-client';
import { describeSummary } from './demo-summary';
import { DemoRefused, fillDemoData } from './fill-demo';

const USAGE = 'Usage: DEMO_URL=http://127.0.0.1:3000 npm run demo -- [--cases 300] [--seed 5424]';

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[1-9]\d*$/.test(value)) throw new DemoRefused(`--${name} must be a positive whole number\n${USAGE}`);
  return Number(value);
}

async function main(): Promise<number> {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: { cases: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const summary = await fillDemoData({
      baseUrl: process.env['DEMO_URL'] ?? 'http://127.0.0.1:3000',
      cases: positive('cases', values.cases, 300),
      seed: positive('seed', values.seed, 5424),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`${describeSummary(summary)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DemoRefused) {
      process.stderr.write(`demo: ${error.message}\n`);
      return 2;
    }
    const message =
      error instanceof DemoCallFailed || error instanceof Error ? error.message : 'unexpected failure';
    process.stderr.write(`demo: failed: ${message}\n`);
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
