import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';
import type { ServerAccount } from './server-account';
import { serverEnvironment } from './server-environment';

export interface LaunchSettings {
  postgresBinary: string;
  dataDir: string;
  host: string;
  port: number;
  account: ServerAccount | undefined;
  /** A URL the readiness probe connects with. */
  probeUrl: string;
  deadline: number;
  /** Receives the server's log lines after start (debugging only: they may quote data). */
  onServerLog: ((line: string) => void) | undefined;
}

/** The server could not start; `transient` when an earlier server's processes were still going away. */
export class PostmasterStartError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'PostmasterStartError';
  }
}

const TRANSIENT = /pre-existing shared memory block|lock file ".*" already exists/;

/**
 * Starts the postmaster and resolves once it accepts connections. It runs in its own process
 * group (a Ctrl-C in the terminal reaches this process, which stops it in order) and does not
 * keep the event loop alive. Its log is always drained (a full pipe would block it); it is
 * reported only in start failures and, when asked, to onServerLog.
 */
export async function launchPostmaster(settings: LaunchSettings): Promise<ChildProcess> {
  const args = [
    '-D',
    settings.dataDir,
    '-p',
    String(settings.port),
    '-c',
    `listen_addresses=${settings.host}`,
    '-c',
    'unix_socket_directories=',
    // No statement text or DETAIL lines (which quote column values) in the server log.
    '-c',
    'log_min_error_statement=panic',
    '-c',
    'log_error_verbosity=terse',
  ];
  const child = spawn(settings.postgresBinary, args, {
    uid: settings.account?.uid,
    gid: settings.account?.gid,
    env: serverEnvironment(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.unref();
  (child.stdout as Socket | null)?.unref();
  (child.stderr as Socket | null)?.unref();

  const startupLog: string[] = [];
  let started = false;
  let announceReady: () => void = () => undefined;
  const readyLine = new Promise<void>((resolveReady) => (announceReady = resolveReady));
  const lines = createInterface({ input: child.stderr });
  lines.on('line', (line) => {
    if (started) return settings.onServerLog?.(line);
    startupLog.push(line);
    if (line.includes('ready to accept connections')) announceReady();
  });
  child.stdout.resume();

  const exited = new Promise<never>((_, reject) => {
    const fail = (reason: string): void => {
      const log = startupLog.slice(-15).join('\n');
      reject(new PostmasterStartError(`PostgreSQL ${reason} while starting:\n${log}`, TRANSIENT.test(log)));
    };
    child.once('error', (error) => fail(`could not be run (${error.message})`));
    // 'close' comes once the log pipe is drained too, so the report holds the last lines.
    child.once('close', (code, signal) => fail(`exited (${signal ?? `exit code ${code}`})`));
  });
  exited.catch(() => undefined);

  const probing = new AbortController();
  try {
    await Promise.race([
      waitUntilAccepting(settings.probeUrl, settings.deadline, readyLine, probing.signal),
      exited,
    ]);
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    throw error;
  } finally {
    probing.abort();
  }
  started = true;
  if (settings.onServerLog) startupLog.forEach((line) => settings.onServerLog?.(line));
  startupLog.length = 0;
  return child;
}

/**
 * Connects until a query succeeds. The server announces readiness in its log; probes follow that
 * line at once and otherwise run every 250 ms (a probe costs the starting server a process).
 */
async function waitUntilAccepting(
  url: string,
  deadline: number,
  readyLine: Promise<void>,
  cancelled: AbortSignal,
): Promise<void> {
  let lastError: unknown;
  let announced = false;
  void readyLine.then(() => (announced = true));
  while (Date.now() < deadline && !cancelled.aborted) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    const pause = delay(announced ? 20 : 250, undefined, { signal: cancelled }).catch(() => undefined);
    await (announced ? pause : Promise.race([readyLine, pause]));
  }
  throw new PostmasterStartError(
    `PostgreSQL did not accept connections in time (last error: ${(lastError as Error | undefined)?.message ?? 'none'})`,
    false,
  );
}
