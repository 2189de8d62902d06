import type { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { InProcessTransport, type EventTransport } from '@reprisals/messaging';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { ALL_SERVICES } from '../src/all-services';
import { issueDevelopmentToken, type Role } from '@reprisals/security';
import { createServicesApplication, type ServiceModuleFactory } from '@reprisals/service-platform';

export interface RunningProcess {
  app: INestApplication;
  baseUrl: string;
}

/** Starts one host process (all services, or one) on a free port of 127.0.0.1. */
export async function startProcess(options: {
  processName: string;
  services: ServiceModuleFactory[];
  databaseUrl: string;
  transport: EventTransport;
}): Promise<RunningProcess> {
  const app = await createServicesApplication({ ...options, quiet: true });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

export async function tokenFor(role: Role, entity = 'OHCHR', sub = `test-${role}`): Promise<string> {
  return issueDevelopmentToken({ sub, entity, roles: [role] });
}

export async function call(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.rawBody !== undefined
      ? { body: options.rawBody }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
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
};

export interface StandaloneSystem {
  running: RunningProcess;
  database: TestDatabase;
  transport: InProcessTransport;
}

/**
 * The four services in one process on a fresh database, for the tests of one file: started
 * before them, stopped after them. Returns a getter, since the system exists only once started.
 */
export function useStandaloneSystem(databasePrefix: string): () => StandaloneSystem {
  let system: StandaloneSystem | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase(databasePrefix);
    const transport = new InProcessTransport();
    const running = await startProcess({
      processName: 'standalone',
      services: ALL_SERVICES,
      databaseUrl: database.url,
      transport,
    });
    system = { running, database, transport };
  });
  afterAll(async () => {
    await system?.running.app.close();
    await system?.database.drop();
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
