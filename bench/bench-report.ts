/** Prints a benchmark's figures as a table, with each measurement against its baseline as a ratio. */
export interface Measurement {
  name: string;
  operations: number;
  milliseconds: number;
  heapDeltaMb?: number;
}

export function perSecond(measurement: Measurement): number {
  return (measurement.operations / measurement.milliseconds) * 1000;
}

export function printComparison(title: string, baseline: Measurement, subject: Measurement): void {
  const rows = [baseline, subject].map((measurement) => [
    measurement.name,
    String(measurement.operations),
    measurement.milliseconds.toFixed(1),
    perSecond(measurement).toFixed(0),
    measurement.heapDeltaMb === undefined ? '-' : measurement.heapDeltaMb.toFixed(1),
  ]);
  const header = ['measurement', 'operations', 'ms', 'ops/s', 'heap +MB'];
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`${line(header)}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  const ratio = subject.milliseconds / subject.operations / (baseline.milliseconds / baseline.operations);
  process.stdout.write(
    `ratio (time per operation, ${subject.name} / ${baseline.name}): ${ratio.toFixed(2)}x\n`,
  );
}

export async function measure(
  name: string,
  operations: number,
  run: () => Promise<void> | void,
): Promise<Measurement> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  await run();
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  return { name, operations, milliseconds, heapDeltaMb };
}

export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
