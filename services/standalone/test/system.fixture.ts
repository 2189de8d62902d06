import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { EventTransport } from '@reprisals/messaging';
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
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
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
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Counts rows straight from PostgreSQL, to prove what was (not) written. */
export async function countRows(databaseUrl: string, table: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

export const validAllegation = {
  stateConcerned: 'ABC',
  receivedVia: 'email',
  receivedOn: '2026-05-02',
  summary:
    'A participant in the universal periodic review was questioned on return and her passport withheld.',
  submissionLanguage: 'en',
};
