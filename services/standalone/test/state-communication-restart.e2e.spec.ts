import { readdirSync } from 'node:fs';
import { ManualClock } from '@reprisals/kernel';
import { CommunicationTimers } from '@reprisals/state-communication';
import { eventually } from '@reprisals/testing';
import { useRestartableSystem } from './restartable-system.fixture';
import { as, call, queryRows } from './system.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

/**
 * A reminder that falls due while every service is stopped goes out exactly once after the
 * restart: one ReminderSent, one message to the Permanent Mission, however often the
 * scheduler runs afterwards.
 */
describe('communication reminders across a restart', () => {
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useRestartableSystem('state_communication_restart', clock);
  const baseUrl = () => system().running.baseUrl;

  it('given a sent communication, when its first reminder falls due while everything is stopped, then it is sent once after the restart', async () => {
    const protocol = protocolClient(baseUrl, () => system().database.url);
    const caseId = await protocol.verifiedCase({ consent: true });
    await protocol.decide(caseId, { actionType: 'private-engagement' });
    const liaison = await as('state-liaison', LEAD, 'liaison-7');
    const drafted = await eventually(async () => {
      const list = await call(
        baseUrl(),
        'GET',
        `/state-communication/communications?caseId=${caseId}`,
        liaison,
      );
      return list.body?.communications?.[0] as { id: string } | undefined;
    });
    await call(baseUrl(), 'POST', `/state-communication/communications/${drafted.id}/approve`, {
      ...(await as('supervisor', LEAD, 'supervisor-7')),
      body: {},
    });
    await call(baseUrl(), 'POST', `/state-communication/communications/${drafted.id}/dispatch`, {
      ...liaison,
      body: {},
    });
    const sent = await eventually(async () => {
      const read = await call(baseUrl(), 'GET', `/state-communication/communications/${drafted.id}`, liaison);
      return read.body.status === 'sent' ? read.body : undefined;
    });
    const reminders = async () => ({
      events: (
        await queryRows<{ event_id: string }>(
          system().database.url,
          `SELECT event_id FROM state_communication.outbox_message WHERE message_key = $1 AND event_type LIKE '%reminder-sent'`,
          [caseId],
        )
      ).length,
      messages: readdirSync(system().dispatchDir).filter((name) => name.startsWith(`${drafted.id}-reminder-`))
        .length,
    });

    await system().stop();
    clock.set(sent.schedule.reminders[0].dueAt);
    expect(await reminders()).toEqual({ events: 0, messages: 0 });

    await system().start();
    await eventually(async () => (await reminders()).events === 1);
    const timers = system().running.app.get(CommunicationTimers, { strict: false });
    expect(await timers.scheduler.fireDue()).toBe(0);
    expect(await reminders()).toEqual({ events: 1, messages: 1 });
  });
});
