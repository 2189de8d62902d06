/**
 * Writes libs/un-states/data/un-states.yaml from the hand-kept membership list and
 * i18n-iso-countries:
 *
 *   npm run un-states:generate
 *
 * Run it after editing generator/un-membership.input.ts or upgrading i18n-iso-countries, and
 * commit the file; a unit test fails while the committed file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generateUnStatesYaml } from '../generator/un-states.generator';
import { UN_STATES_DATA_PATH } from '../un-states.loader';

function main(): void {
  const text = generateUnStatesYaml();
  let current: string | undefined;
  try {
    current = readFileSync(UN_STATES_DATA_PATH, 'utf8');
  } catch {
    current = undefined;
  }
  const where = relative(process.cwd(), UN_STATES_DATA_PATH);
  if (current === text) {
    process.stdout.write(`${where} is up to date\n`);
    return;
  }
  writeFileSync(UN_STATES_DATA_PATH, text, 'utf8');
  process.stdout.write(`wrote ${where}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
