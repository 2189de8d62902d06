import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The workspace root: the nearest directory at or above `from` that holds nx.json.
 * Falls back to the current working directory when none is found (e.g. a bundled build).
 */
export function findRepoRoot(from: string = __dirname): string {
  let current = from;
  for (;;) {
    if (existsSync(join(current, 'nx.json'))) return current;
    const parent = dirname(current);
    if (parent === current) return process.cwd();
    current = parent;
  }
}
