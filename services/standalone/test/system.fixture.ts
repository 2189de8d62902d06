import type { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { InProcessTransport, type EventTransport } from '@reprisals/messaging';
import type { Clock } from '@reprisals/kernel';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { ALL_SERVICES } from '../src/all-services';
import { issueDevelopmentToken, type Role } from '@reprisals/security';
import { createServicesApplication, type ServiceModuleFactory } from '@reprisals/service-platform';

export interface RunningProcess {
  app: INestApplication;
  baseUrl: string;
}

/**
 * Starts one host process (all services, or one) on a free port of 127.0.0.1. Its log lines go
 * to stdout at LOG_LEVEL, or to `logDestination` at `logLevel` when a test reads them.
 */
export async function startProcess(options: {
  processName: string;
  services: ServiceModuleFactory[];
  databaseUrl: string;
  transport: EventTransport;
  logDestination?: DestinationStream;
  logLevel?: LevelWithSilent;
  /** The process's clock: a test's ManualClock moves time for deadlines and timers. */
  clock?: Clock;
}): Promise<RunningProcess> {
  const app = await createServicesApplication({ ...options, quiet: true });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

export async function tokenFor(role: Role, entity = 'OHCHR', sub = `test-${role}`): Promise<string> {
  return issueDevelopmentToken({ sub, entity, roles: [role] });
}

/** `call` options that authenticate as `role` of `entity`: `call(url, 'GET', path, await as('auditor', 'OHCHR'))`. */
export async function as(role: Role, entity = 'OHCHR', sub?: string): Promise<{ token: string }> {
  return { token: await tokenFor(role, entity, sub) };
}

export async function call(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  // A form goes as multipart/form-data: fetch writes its content type, boundary included.
  const form = options.body instanceof FormData ? options.body : undefined;
  if (!form && (options.body !== undefined || options.rawBody !== undefined))
    headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.rawBody !== undefined
      ? { body: options.rawBody }
      : form
        ? { body: form }
        : options.body !== undefined
          ? { body: JSON.stringify(options.body) }
          : {}),
  });
  const text = await response.text();
  // A file (an evidence download) comes back as text; every other answer is JSON.
  const json = (response.headers.get('content-type') ?? 'application/json').includes('json');
  return {
    status: response.status,
    body: text ? (json ? JSON.parse(text) : text) : undefined,
    headers: response.headers,
  };
}

/** Counts rows straight from PostgreSQL, to prove what was (not) written. */
export async function countRows(databaseUrl: string, table: string): Promise<number> {
  const [row] = await queryRows<{ count: string }>(databaseUrl, `SELECT count(*) AS count FROM ${table}`);
  return Number(row?.count ?? 0);
}

/** Reads (or writes) rows straight from PostgreSQL, to prove what the services wrote. */
export async function queryRows<T>(
  databaseUrl: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

export const validAllegation = {
  stateConcerned: 'BLR',
  receivedVia: 'email',
  receivedOn: '2026-05-02',
  summary:
    'A participant in the universal periodic review was questioned on return and her passport withheld.',
  submissionLanguage: 'en',
  victims: [
    {
      kind: 'individual',
      name: 'Victim One',
      gender: 'woman',
      ageGroup: 'adult',
      profile: 'human-rights-defender',
    },
  ],
  cooperation: { mechanism: 'universal-periodic-review', category: 'a', date: '2026-01-20' },
  acts: [{ type: 'travel-ban', date: '2026-04-28', country: 'BLR', online: false, perpetrator: 'state' }],
};

export interface StandaloneSystem {
  running: RunningProcess;
  database: TestDatabase;
  transport: InProcessTransport;
  /** Where intake keeps the system's evidence files (ATTACHMENTS_DIR). */
  attachmentsDir: string;
  /** Where state-communication writes what it sends to Permanent Missions (DISPATCH_DIR). */
  dispatchDir: string;
  /** Where state-communication keeps the documents of States' replies, sealed (REPLY_DOCUMENTS_DIR). */
  replyDocumentsDir: string;
}

/**
 * The four services in one process on a fresh database, for the tests of one file: started
 * before them, stopped after them. Returns a getter, since the system exists only once started.
 */
export function useStandaloneSystem(
  databasePrefix: string,
  options: { clock?: Clock } = {},
): () => StandaloneSystem {
  let system: StandaloneSystem | undefined;
  let ownAttachmentsDir: string | undefined;
  let ownDispatchDir: string | undefined;
  let ownReplyDocumentsDir: string | undefined;
  beforeAll(async () => {
    // Evidence files go to a directory of the system's own, removed with it, unless one is set.
    if (!process.env['ATTACHMENTS_DIR']) {
      ownAttachmentsDir = mkdtempSync(path.join(tmpdir(), `${databasePrefix}-attachments-`));
      process.env['ATTACHMENTS_DIR'] = ownAttachmentsDir;
    }
    const attachmentsDir = process.env['ATTACHMENTS_DIR'];
    // Communications to Permanent Missions go to .eml files of the system's own, removed with it.
    if (!process.env['DISPATCH_DIR']) {
      ownDispatchDir = mkdtempSync(path.join(tmpdir(), `${databasePrefix}-dispatched-`));
      process.env['DISPATCH_DIR'] = ownDispatchDir;
    }
    const dispatchDir = process.env['DISPATCH_DIR'];
    // Documents of States' replies go to a directory of the system's own, removed with it.
    if (!process.env['REPLY_DOCUMENTS_DIR']) {
      ownReplyDocumentsDir = mkdtempSync(path.join(tmpdir(), `${databasePrefix}-reply-documents-`));
      process.env['REPLY_DOCUMENTS_DIR'] = ownReplyDocumentsDir;
    }
    const replyDocumentsDir = process.env['REPLY_DOCUMENTS_DIR'];
    const database = await createTestDatabase(databasePrefix);
    const transport = new InProcessTransport();
    const running = await startProcess({
      processName: 'standalone',
      services: ALL_SERVICES,
      databaseUrl: database.url,
      transport,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    system = { running, database, transport, attachmentsDir, dispatchDir, replyDocumentsDir };
  });
  afterAll(async () => {
    await system?.running.app.close();
    await system?.database.drop();
    if (ownAttachmentsDir) {
      rmSync(ownAttachmentsDir, { recursive: true, force: true });
      delete process.env['ATTACHMENTS_DIR'];
    }
    if (ownDispatchDir) {
      rmSync(ownDispatchDir, { recursive: true, force: true });
      delete process.env['DISPATCH_DIR'];
    }
    if (ownReplyDocumentsDir) {
      rmSync(ownReplyDocumentsDir, { recursive: true, force: true });
      delete process.env['REPLY_DOCUMENTS_DIR'];
    }
  });
  return () => {
    if (!system) throw new Error('The standalone system is not started');
    return system;
  };
}

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Runs one of the repository's TypeScript commands as a child process, without blocking this one. */
export function runRepositoryCommand(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}
