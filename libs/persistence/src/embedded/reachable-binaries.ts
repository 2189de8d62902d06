import { readFileSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PostgresBinaries } from './postgres-binaries.locator';
import { isReachable, type ServerAccount } from './server-account';

/**
 * Binaries the server account can run. Run as root, the server runs as `postgres`, which cannot
 * enter a checkout in a private directory (a home of mode 700, a `mktemp -d`): then the package's
 * `native` tree (bin, lib, share) is copied once per package version to a shared directory
 * under the system's temporary directory, and run from there.
 */
export async function binariesReachableBy(
  binaries: PostgresBinaries,
  account: ServerAccount | undefined,
): Promise<PostgresBinaries> {
  if (await isReachable(binaries.postgres, account)) return binaries;
  const nativeDir = dirname(dirname(binaries.postgres));
  const { version } = JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as {
    version: string;
  };
  const shared = join(tmpdir(), 'reprisals-postgres');
  const target = join(shared, `${binaries.packageName.replace('/', '+')}@${version}`);
  const copied = {
    postgres: join(target, 'bin', 'postgres'),
    initdb: join(target, 'bin', 'initdb'),
    packageName: binaries.packageName,
  };
  if (await exists(copied.postgres)) return copied;
  await mkdir(shared, { recursive: true, mode: 0o755 });
  await chmod(shared, 0o755);
  // Copied aside, then renamed into place: a concurrent start never runs a half-copied tree.
  const staging = `${target}.${process.pid}.partial`;
  await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  try {
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!(await exists(copied.postgres))) throw error;
  }
  return copied;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
