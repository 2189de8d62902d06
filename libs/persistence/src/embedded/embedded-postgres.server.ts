import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { withDatabase } from '../database/database-url';
import {
  type EmbeddedPostgresOptions,
  type ResolvedEmbeddedPostgresOptions,
  resolveEmbeddedPostgresOptions,
} from './embedded-postgres.options';
import { assertPortFree } from './port-availability';
import { isProcessAlive } from './process-table';
import { locatePostgresBinaries, type PostgresBinaries } from './postgres-binaries.locator';
import { binariesReachableBy } from './reachable-binaries';
import { initialiseCluster } from './postgres-cluster.initialiser';
import { launchPostmaster, PostmasterStartError } from './postmaster.launcher';
import { assertReachable, isReachable, resolveServerAccount, type ServerAccount } from './server-account';
import { claimOwnership, releaseOwnership } from './server-owner.file';
import { recoverStaleServer } from './stale-server.recovery';

interface HostSetup {
  binaries: PostgresBinaries;
  account: ServerAccount | undefined;
  /** True when this start created the cluster. */
  created: boolean;
}

/** Data directories served by a server of this process. */
const running = new Set<string>();

/**
 * A real PostgreSQL server (binaries from the embedded-postgres packages) for standalone mode:
 * nothing to install. The cluster is created on first start and kept across restarts; a start
 * after a crash (of this process or of the server) recovers by itself. The server listens on
 * 127.0.0.1 only and, when this process runs as root, runs as the `postgres` account.
 *
 * The server runs in its own process group, so a Ctrl-C reaches only this process: call stop()
 * from the shutdown hook, after everything that uses the database has finished. If this process
 * exits without stop(), the server gets a fast shutdown on exit; if it is killed, the next
 * start() stops the server it left behind.
 */
export class EmbeddedPostgresServer {
  private readonly options: ResolvedEmbeddedPostgresOptions;
  private child: ChildProcess | undefined;
  private readonly shutDownOnExit = (): void => {
    this.child?.kill('SIGINT');
  };

  constructor(options: EmbeddedPostgresOptions = {}) {
    const resolved = resolveEmbeddedPostgresOptions(options);
    this.options = { ...resolved, dataDir: resolve(resolved.dataDir) };
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get port(): number {
    return this.options.port;
  }

  /** The postmaster's process id while running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** False as soon as the server process is gone, even before its exit is reported. */
  get isRunning(): boolean {
    return this.child?.pid !== undefined && isProcessAlive(this.child.pid);
  }

  /** URL of the `postgres` database as the superuser (contains the password: do not log it). */
  get url(): string {
    const { user, password, host, port } = this.options;
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/postgres`;
  }

  /** URL of another database on this server (see ensureDatabase() to create it). */
  databaseUrl(database: string): string {
    return withDatabase(this.url, database);
  }

  /** Starts the server (creating the cluster first when needed) and resolves to url. Idempotent. */
  async start(): Promise<string> {
    if (this.isRunning) return this.url;
    if (this.child) this.forget(this.child, 'exited');
    await this.placeDefaultDataDir();
    const { dataDir } = this.options;
    if (running.has(dataDir))
      throw new Error(`An embedded PostgreSQL of this process already serves ${dataDir}`);
    running.add(dataDir);
    try {
      const startedAt = Date.now();
      const host = await this.prepare();
      const child = await this.launch(host, startedAt + this.options.startTimeoutMs);
      this.child = child;
      this.watch(child);
      await claimOwnership(dataDir);
      const version = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
      this.options.log(
        `embedded PostgreSQL ${version} ready at ${this.options.host}:${this.port} in ${Date.now() - startedAt} ms ` +
          `(${host.created ? 'new cluster' : 'existing cluster'} in ${dataDir})`,
      );
      return this.url;
    } catch (error) {
      await this.stop().catch(() => undefined);
      running.delete(dataDir);
      throw error;
    }
  }

  /** Fast shutdown (open transactions roll back, committed data is safe); resolves once it exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    process.removeListener('exit', this.shutDownOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGINT');
      const cancel = new AbortController();
      const stopped = await Promise.race([
        exited.then(() => true),
        delay(30_000, false, { signal: cancel.signal }).catch(() => false),
      ]);
      cancel.abort();
      if (!stopped) {
        child.kill('SIGQUIT');
        await exited;
      }
    }
    await releaseOwnership(this.options.dataDir);
    running.delete(this.options.dataDir);
  }

  /**
   * Run as root, the server runs as `postgres`: when the default data directory (under the
   * checkout) is in a directory that account cannot enter, the cluster lives under
   * /var/lib/reprisals instead, one per checkout, and the log says where. A data directory given
   * explicitly is never moved (start() then fails naming the directory to open).
   */
  private async placeDefaultDataDir(): Promise<void> {
    if (!this.options.defaultDataDir) return;
    const account = resolveServerAccount();
    if (await isReachable(this.options.dataDir, account)) return;
    const checkout = createHash('sha256').update(this.options.dataDir).digest('hex').slice(0, 12);
    const shared = '/var/lib/reprisals';
    await mkdir(shared, { recursive: true, mode: 0o755 });
    await chmod(shared, 0o755);
    this.options.dataDir = join(shared, `standalone-${checkout}`, 'postgres');
    this.options.defaultDataDir = false;
    this.options.log(
      `the checkout is not reachable by the ${account?.name ?? 'server'} account: the embedded PostgreSQL keeps its data in ${this.options.dataDir}`,
    );
  }

  private async prepare(): Promise<HostSetup> {
    const { dataDir, user, password } = this.options;
    const account = resolveServerAccount();
    const binaries = await binariesReachableBy(locatePostgresBinaries(), account);
    await mkdir(dirname(dataDir), { recursive: true });
    await assertReachable(dataDir, account);
    const created = await initialiseCluster({ dataDir, user, password, binaries, account });
    await recoverStaleServer({ dataDir, postgresBinary: binaries.postgres, log: this.options.log });
    await assertPortFree(this.options.host, this.port);
    return { binaries, account, created };
  }

  private async launch({ binaries, account }: HostSetup, deadline: number): Promise<ChildProcess> {
    const log = this.options.log;
    for (;;) {
      try {
        return await launchPostmaster({
          postgresBinary: binaries.postgres,
          dataDir: this.options.dataDir,
          host: this.options.host,
          port: this.port,
          account,
          probeUrl: this.url,
          deadline,
          onServerLog: this.options.debug ? (line) => log(`postgres: ${line}`) : undefined,
        });
      } catch (error) {
        // Processes of a server that died are still going away (not detectable on every OS).
        if (!(error instanceof PostmasterStartError && error.transient) || Date.now() > deadline) throw error;
        await delay(100);
      }
    }
  }

  private watch(child: ChildProcess): void {
    process.on('exit', this.shutDownOnExit);
    child.once('exit', (code, signal) => this.forget(child, signal ?? `exit code ${code}`));
  }

  /** The server died without stop(): a later start() recovers. */
  private forget(child: ChildProcess, how: string): void {
    if (this.child !== child) return;
    this.child = undefined;
    process.removeListener('exit', this.shutDownOnExit);
    running.delete(this.options.dataDir);
    this.options.log(`embedded PostgreSQL exited unexpectedly (${how})`);
  }
}
