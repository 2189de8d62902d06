import { execFileSync } from 'node:child_process';
import { chown, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The operating-system account the PostgreSQL server runs as, when it is not this process's. */
export interface ServerAccount {
  name: string;
  uid: number;
  gid: number;
}

const ACCOUNT = 'postgres';

function idOf(flag: '-u' | '-g'): number | undefined {
  try {
    return Number(
      execFileSync('id', [flag, ACCOUNT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root. Run as root, the server runs as the `postgres` account,
 * which is created (system account, no login, no home) when missing. Otherwise it runs as the
 * current user and no account is needed.
 */
export function resolveServerAccount(): ServerAccount | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  if (idOf('-u') === undefined) {
    try {
      execFileSync('groupadd', ['--system', '--force', ACCOUNT], { stdio: 'ignore' });
      execFileSync(
        'useradd',
        ['--system', '--gid', ACCOUNT, '--no-create-home', '--shell', '/bin/false', ACCOUNT],
        {
          stdio: 'ignore',
        },
      );
    } catch {
      throw new Error(
        `PostgreSQL cannot run as root, and the ${ACCOUNT} account to run it could not be created`,
      );
    }
  }
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === undefined || gid === undefined) throw new Error(`The ${ACCOUNT} account has no uid or gid`);
  return { name: ACCOUNT, uid, gid };
}

/** Gives a file or directory to the server account (no-op without one). */
export async function handOver(path: string, account: ServerAccount | undefined): Promise<void> {
  if (account) await chown(path, account.uid, account.gid);
}

/**
 * The first directory above `path` the server account cannot enter, if any. A directory that does
 * not exist yet is created on the way (by mkdir, mode 755 under the usual umask): it is passed.
 */
async function unenterableAbove(path: string, account: ServerAccount): Promise<string | undefined> {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!info) continue;
    const enterable =
      (info.mode & 0o001) !== 0 ||
      (info.uid === account.uid && (info.mode & 0o100) !== 0) ||
      (info.gid === account.gid && (info.mode & 0o010) !== 0);
    if (!enterable) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Whether the server account (if any) can enter every directory above `path`. */
export async function isReachable(path: string, account: ServerAccount | undefined): Promise<boolean> {
  return !account || (await unenterableAbove(path, account)) === undefined;
}

/**
 * Fails with a clear message when the server account cannot enter every directory above `path`
 * (e.g. a private temporary directory of root).
 */
export async function assertReachable(path: string, account: ServerAccount | undefined): Promise<void> {
  if (!account) return;
  const dir = await unenterableAbove(path, account);
  if (dir !== undefined) {
    throw new Error(
      `PostgreSQL runs as the ${account.name} account, which cannot enter ${dir}: choose a data directory it can reach (or chmod o+x ${dir})`,
    );
  }
}
