/**
 * `npm run demo [-- --cases N] [--seed S]`: fills the system at DEMO_URL (default
 * http://127.0.0.1:3000), started with DEMO_MODE=true, with a fictional demonstration through
 * its public API, then prints a summary and where to look. Exits 2 when the system cannot be
 * filled (not there, not in demo mode, filled already), 1 when a call fails. What it prints of a
 * failure never quotes what the system answered.
 */
import { parseArgs } from 'node:util';
import { describeFailure } from './demo-failure';
import { describeSummary } from './demo-summary';
import { DemoRefused, fillDemoData } from './fill-demo';

const USAGE = 'Usage: DEMO_URL=http://127.0.0.1:3000 npm run demo -- [--cases 300] [--seed 5424]';

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[1-9]\d*$/.test(value)) throw new DemoRefused(`--${name} must be a positive whole number\n${USAGE}`);
  return Number(value);
}

/** The command line's options; a mistake in it is a refusal that quotes the command line only. */
function optionsOf(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      options: { cases: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    throw new DemoRefused(`${error instanceof Error ? error.message : 'invalid options'}\n${USAGE}`);
  }
}

async function main(): Promise<number> {
  try {
    const values = optionsOf(process.argv.slice(2));
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
    const failure = describeFailure(error);
    process.stderr.write(`${failure.line}\n`);
    return failure.exitCode;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
