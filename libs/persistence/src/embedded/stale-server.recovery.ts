import { existsSync, realpathSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ownerOf } from './server-owner.file';
import {
  canInspectProcesses,
  identifyProcess,
  isProcessAlive,
  processesOf,
  signal,
  waitForExit,
} from './process-table';

export interface StaleServerContext {
  dataDir: string;
  postgresBinary: string;
  log: (line: string) => void;
}

/**
 * Clears what an earlier run left in the data directory, so that a crash never prevents a start.
 *
 * PostgreSQL itself ignores a postmaster.pid whose process is gone, but it refuses to start while
 * any process of the dead server still holds its shared memory ("pre-existing shared memory
 * block is still in use"): a backend busy in a query outlives a postmaster killed with SIGKILL.
 * So, on Linux:
 * - a server still running on this data directory whose owner process has died (the owner was
 *   killed) is shut down cleanly (SIGINT); one whose owner is alive is in use: start fails;
 * - processes left by a dead server are ended (SIGQUIT, then SIGKILL), and only then is the
 *   stale postmaster.pid removed (its pid may have been reused by an unrelated process);
 * - a postmaster.pid naming a live process that is not this server is simply stale.
 * Elsewhere nothing is touched and PostgreSQL's own checks decide.
 */
export async function recoverStaleServer(context: StaleServerContext): Promise<void> {
  const pidFile = join(context.dataDir, 'postmaster.pid');
  if (!existsSync(pidFile) || !canInspectProcesses()) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n', 1)[0] ?? '', 10);
  const dataDir = realpathSync(context.dataDir);
  const postgres = realpathSync(context.postgresBinary);

  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    const identity = identifyProcess(pid);
    if (identity.executable === postgres && identity.workingDirectory === dataDir) {
      await stopAbandonedServer(pid, context);
      return;
    }
  }
  const leftovers = processesOf(postgres, dataDir);
  if (leftovers.length > 0) {
    context.log(`ending ${leftovers.length} process(es) left by a PostgreSQL server that died (pid ${pid})`);
    await end(leftovers, 'SIGQUIT', 10_000);
  }
  await rm(pidFile, { force: true });
}

async function stopAbandonedServer(pid: number, context: StaleServerContext): Promise<void> {
  const owner = await ownerOf(context.dataDir);
  if (owner !== undefined && owner !== process.pid && isProcessAlive(owner)) {
    throw new Error(
      `The data directory ${context.dataDir} is in use by a PostgreSQL server (pid ${pid}) that process ${owner} started; stop that process first`,
    );
  }
  context.log(`stopping a PostgreSQL server left running by an earlier run (pid ${pid})`);
  signal(pid, 'SIGINT');
  if (await waitForExit([pid], 30_000)) return;
  await end([pid], 'SIGQUIT', 10_000);
}

async function end(pids: number[], first: NodeJS.Signals, timeoutMs: number): Promise<void> {
  pids.forEach((pid) => signal(pid, first));
  if (await waitForExit(pids, timeoutMs)) return;
  pids.forEach((pid) => signal(pid, 'SIGKILL'));
  if (!(await waitForExit(pids, 5_000))) {
    throw new Error(`PostgreSQL processes ${pids.join(', ')} did not exit; end them and start again`);
  }
}
