import { randomUUID } from 'node:crypto';
import { AllegationReceived, createEvent } from '@reprisals/contracts';
import { EventEnvelopeCodec, type InProcessTransport } from '@reprisals/messaging';
import { eventually } from '@reprisals/testing';
import {
  call,
  runRepositoryCommand,
  tokenFor,
  useStandaloneSystem,
  type RunningProcess,
} from './system.fixture';

describe('dead letters, as an operator sees them', () => {
  const system = useStandaloneSystem('dead_letters');
  let running: RunningProcess;
  let transport: InProcessTransport;

  beforeAll(() => {
    ({ running, transport } = system());
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
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('2 dead letter(s) in verification');
    expect(cli.stdout).toContain(openCase.id);
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return runRepositoryCommand(['libs/service-platform/src/cli/dead-letters.ts', ...args]);
}
