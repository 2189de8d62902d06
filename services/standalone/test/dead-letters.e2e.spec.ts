import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AllegationReceived, createEvent } from '@reprisals/contracts';
import { EventEnvelopeCodec, InProcessTransport } from '@reprisals/messaging';
import { createTestDatabase, eventually, type TestDatabase } from '@reprisals/testing';
import { ALL_SERVICES } from '../src/all-services';
import { call, startProcess, tokenFor, type RunningProcess } from './system.fixture';

const REPO_ROOT = path.resolve(__dirname, '../../..');

describe('dead letters, as an operator sees them', () => {
  let database: TestDatabase;
  let running: RunningProcess;
  const transport = new InProcessTransport();

  beforeAll(async () => {
    database = await createTestDatabase('dead_letters');
    running = await startProcess({
      processName: 'standalone',
      services: ALL_SERVICES,
      databaseUrl: database.url,
      transport,
    });
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
  });

  it('given an event that breaks its contract, when it arrives, then every subscriber dead-letters it and an admin can list and replay it', async () => {
    const caseId = randomUUID();
    const valid = new EventEnvelopeCodec().encode(
      createEvent(
        AllegationReceived,
        {
          caseId,
          reference: 'REP-2026-999999',
          stateConcerned: 'ABC',
          receivedVia: 'email',
          receivedOn: '2026-05-02',
          leadEntity: 'OHCHR',
        },
        { caseId, actor: { kind: 'system', service: 'intake' }, occurredAt: new Date() },
      ),
    );
    await transport.publish([{ ...valid, value: JSON.stringify({ caseId, reference: 'REP-2026-999999' }) }]);

    const admin = await tokenFor('admin');
    const letters = await eventually(
      async () => {
        const response = await call(running.baseUrl, 'GET', '/verification/dead-letters', { token: admin });
        // Each subscription of the event keeps its own letter: opening the case and case access.
        return response.body?.deadLetters?.length === 2 && response.body.deadLetters;
      },
      { description: 'the dead letter in verification' },
    );
    expect(letters.map((letter: { subscriber: string }) => letter.subscriber).sort()).toEqual([
      'verification.case-access-allegation-received',
      'verification.open-case-on-allegation-received',
    ]);
    const openCase = letters.find(
      (letter: { subscriber: string }) =>
        letter.subscriber === 'verification.open-case-on-allegation-received',
    );
    expect(openCase).toMatchObject({ caseId, attempts: 1 });
    expect(openCase.reason).toContain('data.stateConcerned');
    for (const service of ['state-communication', 'reporting']) {
      const response = await call(running.baseUrl, 'GET', `/${service}/dead-letters`, { token: admin });
      expect(response.body.deadLetters.length).toBeGreaterThanOrEqual(1);
    }

    const analyst = await call(running.baseUrl, 'GET', '/verification/dead-letters', {
      token: await tokenFor('reporting-analyst'),
    });
    expect(analyst.status).toBe(403);

    const replay = await call(running.baseUrl, 'POST', `/verification/dead-letters/${openCase.id}/replay`, {
      token: admin,
    });
    expect(replay).toMatchObject({ status: 200, body: { outcome: 'dead-lettered' } });
    const stillListed = await call(running.baseUrl, 'GET', '/verification/dead-letters', { token: admin });
    expect(stillListed.body.deadLetters.map((letter: { id: string }) => letter.id)).toContain(openCase.id);
    const unknown = await call(running.baseUrl, 'POST', `/verification/dead-letters/${randomUUID()}/replay`, {
      token: admin,
    });
    expect(unknown.status).toBe(404);

    const cli = await runCli(['list', '--service', 'verification', '--url', running.baseUrl]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('2 dead letter(s) in verification');
    expect(cli.stdout).toContain(openCase.id);
  });
});

/** Runs the operator command as a child process, without blocking this process (which serves its requests). */
function runCli(args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/service-platform/src/cli/dead-letters.ts', ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status, stdout }));
  });
}
