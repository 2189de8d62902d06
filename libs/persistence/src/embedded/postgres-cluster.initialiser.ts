import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PostgresBinaries } from './postgres-binaries.locator';
import { handOver, type ServerAccount } from './server-account';
import { serverEnvironment } from './server-environment';

export interface ClusterSettings {
  dataDir: string;
  user: string;
  password: string;
  binaries: PostgresBinaries;
  account: ServerAccount | undefined;
}

export function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Creates the cluster when the data directory holds none (no PG_VERSION file); leaves an existing
 * one alone. initdb writes into a sibling staging directory that is renamed into place at the
 * end, so a crash half-way never leaves a half-made cluster behind. Resolves to true when it
 * created the cluster.
 */
export async function initialiseCluster(settings: ClusterSettings): Promise<boolean> {
  const { dataDir, account } = settings;
  if (isInitialised(dataDir)) return false;
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): empty it or choose another data directory`,
    );
  }
  const parent = dirname(dataDir);
  const tag = randomBytes(4).toString('hex');
  const staging = join(parent, `.${basename(dataDir)}.initdb-${tag}`);
  const passwordFile = join(parent, `.${basename(dataDir)}.password-${tag}`);
  try {
    await mkdir(staging, { mode: 0o700 });
    await handOver(staging, account);
    await writeFile(passwordFile, `${settings.password}\n`, { mode: 0o600 });
    await handOver(passwordFile, account);
    await runInitdb(settings, staging, passwordFile);
    if (existsSync(dataDir)) await rmdir(dataDir);
    await rename(staging, dataDir);
    await chmod(dataDir, 0o700);
    return true;
  } finally {
    await rm(passwordFile, { force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

function runInitdb(settings: ClusterSettings, pgdata: string, passwordFile: string): Promise<void> {
  const args = [
    `--pgdata=${pgdata}`,
    `--username=${settings.user}`,
    `--pwfile=${passwordFile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C',
    '--locale-provider=builtin',
    '--builtin-locale=C.UTF-8',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(settings.binaries.initdb, args, {
      uid: settings.account?.uid,
      gid: settings.account?.gid,
      env: serverEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`initdb failed (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
    });
  });
}
