import { readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * What this machine can tell about other processes. The details (zombies, working directories,
 * executables) come from /proc and are only known on Linux; elsewhere they are undefined.
 */

/** True when the process exists and is not a zombie waiting to be reaped. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = processState(pid);
  return state !== 'Z' && state !== 'X';
}

function processState(pid: number): string | undefined {
  try {
    // "pid (comm) S ...": the state follows the last closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  } catch {
    return undefined;
  }
}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

export interface ProcessIdentity {
  /** Real path of the executable. */
  executable: string | undefined;
  /** Real path of the working directory. */
  workingDirectory: string | undefined;
}

export function identifyProcess(pid: number): ProcessIdentity {
  return { executable: readLink(`/proc/${pid}/exe`), workingDirectory: readLink(`/proc/${pid}/cwd`) };
}

/** Live processes running `executable` with `directory` as working directory (Linux only). */
export function processesOf(executable: string, directory: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const wantedExecutable = realpathSync(executable);
  const wantedDirectory = realpathSync(directory);
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => pid !== process.pid)
    .filter((pid) => {
      const identity = identifyProcess(pid);
      return identity.executable === wantedExecutable && identity.workingDirectory === wantedDirectory;
    })
    .filter(isProcessAlive);
}

/** True when /proc can answer identifyProcess() and processesOf(). */
export function canInspectProcesses(): boolean {
  return readLink('/proc/self/exe') !== undefined;
}

/** Polls until every process has exited; false when some still run at the deadline. */
export async function waitForExit(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!pids.some(isProcessAlive)) return true;
    if (Date.now() >= deadline) return false;
    await delay(25);
  }
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
