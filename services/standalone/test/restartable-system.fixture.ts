import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ManualClock } from '@reprisals/kernel';
import { InProcessTransport } from '@reprisals/messaging';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { ALL_SERVICES } from '../src/all-services';
import { startProcess, type RunningProcess } from './system.fixture';

/** The standalone system on a database that outlives it: stopped and started again by a test. */
export interface RestartableSystem {
  readonly running: RunningProcess;
  readonly database: TestDatabase;
  /** Where state-communication writes what it sends (DISPATCH_DIR). */
  readonly dispatchDir: string;
  /** Every process is down: nothing runs until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * For the tests of timers across downtime: the four services in one process on a fresh
 * database and a manual clock, started before the tests of the file and stopped after them, with
 * stop() and start() in between (a new process on the same database, as after a restart).
 */
export function useRestartableSystem(databasePrefix: string, clock: ManualClock): () => RestartableSystem {
  let database: TestDatabase | undefined;
  let running: RunningProcess | undefined;
  let directory: string | undefined;
  const start = async () => {
    running = await startProcess({
      processName: 'standalone',
      services: ALL_SERVICES,
      databaseUrl: database!.url,
      transport: new InProcessTransport(),
      clock,
    });
  };
  const system: RestartableSystem = {
    get running() {
      if (!running) throw new Error('The system is stopped');
      return running;
    },
    get database() {
      return database!;
    },
    get dispatchDir() {
      return path.join(directory!, 'dispatched');
    },
    stop: async () => {
      await running?.app.close();
      running = undefined;
    },
    start,
  };
  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), `${databasePrefix}-`));
    process.env['ATTACHMENTS_DIR'] = path.join(directory, 'attachments');
    process.env['DISPATCH_DIR'] = path.join(directory, 'dispatched');
    database = await createTestDatabase(databasePrefix);
    await start();
  });
  afterAll(async () => {
    await system.stop();
    await database?.drop();
    delete process.env['ATTACHMENTS_DIR'];
    delete process.env['DISPATCH_DIR'];
    if (directory) rmSync(directory, { recursive: true, force: true });
  });
  return () => system;
}
