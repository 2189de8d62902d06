import { ManualClock } from '@reprisals/kernel';
import { eventually } from '@reprisals/testing';
import { ProtocolTimers } from '@reprisals/verification';
import { useRestartableSystem } from './restartable-system.fixture';
import { queryRows } from './system.fixture';
import { protocolClient } from './verification-protocol.fixture';

const DAY = 86_400_000;

/**
 * A timer that falls due while every process is down fires once when they are back: the
 * system is stopped with a reply deadline pending, the clock moves past it, the system starts
 * again, and the escalation happens exactly once (one decision, one event), however often the
 * scheduler runs afterwards.
 */
describe('protocol timers across a restart', () => {
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useRestartableSystem('verification_restart', clock);

  const escalations = async (caseId: string) => ({
    decisions: await queryRows<{ outcome: string }>(
      system().database.url,
      `SELECT outcome FROM verification.protocol_decision WHERE case_id = $1 AND outcome LIKE 'escalation:%'`,
      [caseId],
    ),
    events: await queryRows<{ event_id: string }>(
      system().database.url,
      `SELECT event_id FROM verification.outbox_message WHERE message_key = $1 AND event_type LIKE '%escalation-due'`,
      [caseId],
    ),
  });

  it('given a reply deadline that passes while every process is down, when the system starts again, then the escalation fires once', async () => {
    const protocol = protocolClient(
      () => system().running.baseUrl,
      () => system().database.url,
    );
    const caseId = await protocol.verifiedCase({ consent: true });
    await protocol.decide(caseId, { actionType: 'private-engagement' });

    await system().stop();
    clock.advance(31 * DAY);
    expect(await escalations(caseId)).toEqual({ decisions: [], events: [] });

    await system().start();
    const after = await eventually(async () => {
      const seen = await escalations(caseId);
      return seen.decisions.length > 0 ? seen : undefined;
    });
    // The scheduler runs again, as it does every second: nothing fires twice.
    const timers = system().running.app.get(ProtocolTimers, { strict: false });
    expect(await timers.scheduler.fireDue()).toBe(0);
    expect(await escalations(caseId)).toEqual(after);
    expect(after.decisions).toEqual([{ outcome: 'escalation:no-substantive-reply-by-deadline' }]);
    expect(after.events).toHaveLength(1);
    const view = await protocol.read(caseId);
    expect(view.body.escalation).toMatchObject({ nextActionType: 'allegation-letter' });
    expect(view.body.timers).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'escalation-due', status: 'fired' })]),
    );
  });
});
