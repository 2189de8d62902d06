import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root (the directory holding nx.json) above this file, else the working directory. */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  return process.cwd();
}
