import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@reprisals/testing';
import { Client } from 'pg';
import { EmbeddedPostgresServer } from './embedded-postgres.server';
import { isProcessAlive } from './process-table';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

// initdb takes a second or more on a busy machine.
jest.setTimeout(60_000);

describe('EmbeddedPostgresServer', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  let server: EmbeddedPostgresServer;
  const logged: string[] = [];
  const restartTimes: number[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'embedded-postgres-'));
    await chmod(root, 0o755); // the server account must be able to enter it
    dataDir = join(root, 'data');
    port = await freePort();
    server = new EmbeddedPostgresServer({ dataDir, port, log: (line) => logged.push(line) });
  });

  afterAll(async () => {
    if (process.env.REPORT_TIMINGS)
      process.stderr.write(`embedded start times (ms): ${restartTimes.join(', ')}\n`);
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('creates the cluster on first start and keeps its data across a restart', async () => {
    let startedAt = Date.now();
    const url = await server.start();
    restartTimes.push(Date.now() - startedAt);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(logged).toEqual([
      expect.stringMatching(/^embedded PostgreSQL \d+ ready at 127\.0\.0\.1:\d+ in \d+ ms \(new cluster in /),
    ]);
    expect(logged.join('\n')).not.toContain(url);

    await query(url, `CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('survives a restart')`);
    await server.stop();
    expect(server.isRunning).toBe(false);

    startedAt = Date.now();
    await server.start();
    restartTimes.push(Date.now() - startedAt);
    expect(logged[1]).toMatch(/\(existing cluster in /);
    expect(await query(server.url, 'SELECT value FROM kept')).toEqual([{ value: 'survives a restart' }]);
  });

  it('starts again after the server was killed with SIGKILL in the middle of a query', async () => {
    const busy = new Client({ connectionString: server.url });
    busy.on('error', () => undefined);
    await busy.connect();
    const backendPid = (await busy.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    // A backend busy computing outlives its postmaster and keeps the shared memory in use.
    const longQuery = busy.query('SELECT count(*) FROM generate_series(1, 10000000000)').catch(() => 'ended');
    const postmaster = server.pid!;
    process.kill(postmaster, 'SIGKILL');
    await eventually(() => !server.isRunning, { description: 'the server to die' });

    const restartedAt = Date.now();
    await server.start();
    restartTimes.push(Date.now() - restartedAt);
    expect(server.pid).not.toBe(postmaster);
    expect(isProcessAlive(backendPid)).toBe(false);
    expect(await query(server.url, 'SELECT value FROM kept')).toEqual([{ value: 'survives a restart' }]);
    expect(await longQuery).toBe('ended');
    expect(logged).toContainEqual(
      expect.stringMatching(/^ending 1 process\(es\) left by a PostgreSQL server that died/),
    );
  });

  it('says clearly that the port is taken', async () => {
    await server.stop();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(server.start()).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
      expect(server.isRunning).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
