import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';

/** Child processes currently running, so that a signal to this process can be passed on. */
export const runningChildren = new Set<ChildProcess>();

/** Runs a command to its end and resolves to its exit code (128 + signal number when killed). */
export function run(command: string, args: readonly string[], options: SpawnOptions): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    runningChildren.add(child);
    child.once('error', (error) => {
      runningChildren.delete(child);
      process.stderr.write(`test: could not run ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.once('close', (code, signal) => {
      runningChildren.delete(child);
      resolve(code ?? 128 + signalNumber(signal));
    });
  });
}

export function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : signal === 'SIGHUP' ? 1 : 9;
}
