import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock, SystemClock } from '@reprisals/kernel';
import {
  EventEnvelopeCodec,
  InProcessTransport,
  MessagingRuntime,
  ServiceMessaging,
} from '@reprisals/messaging';
import { closeServiceDatabase } from '@reprisals/persistence';
import { createTestDatabase, eventually, type TestDatabase } from '@reprisals/testing';
import { CaseEvents, openCaseAccessDataSource } from '../case-access.test-support';
import { CaseAccessReader } from '../reader/case-access.reader';
import { caseAccessSubscriptions } from './case-access.subscriptions';

describe('keeping a service’s case access up to date from intake’s events', () => {
  let database: TestDatabase;
  let intakeSource: DataSource;
  let serviceSource: DataSource;
  let runtime: MessagingRuntime;
  let intake: ServiceMessaging;
  let service: ServiceMessaging;
  const codec = new EventEnvelopeCodec();
  const reader = new CaseAccessReader();
  const eventClock = new ManualClock('2026-11-20T09:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase('case_access_subscriptions');
    intakeSource = await openCaseAccessDataSource(database.url, 'intake');
    serviceSource = await openCaseAccessDataSource(database.url, 'verification');
    runtime = new MessagingRuntime(new InProcessTransport());
    const clock = new SystemClock();
    intake = new ServiceMessaging({
      service: 'intake',
      dataSource: intakeSource,
      transport: runtime.transport,
      codec,
      clock,
      relay: { pollIntervalMs: 50 },
    });
    service = new ServiceMessaging({
      service: 'verification',
      dataSource: serviceSource,
      transport: runtime.transport,
      codec,
      clock,
    });
    service.consumer.register(...caseAccessSubscriptions());
    runtime.attach(intake);
    runtime.attach(service);
    await runtime.start();
  });

  afterAll(async () => {
    await runtime?.stop();
    await closeServiceDatabase(intakeSource);
    await closeServiceDatabase(serviceSource);
    await database?.drop();
  });

  it('given the subscriptions, when listed, then each intake event has one under a stable name', () => {
    expect(
      caseAccessSubscriptions().map((subscription) => [subscription.name, subscription.event.type]),
    ).toEqual([
      ['case-access-allegation-received', 'AllegationReceived'],
      ['case-access-lead-transferred', 'LeadTransferred'],
      ['case-access-case-shared', 'CaseShared'],
      ['case-access-share-accepted', 'ShareAccepted'],
      ['case-access-share-declined', 'ShareDeclined'],
      ['case-access-share-revoked', 'ShareRevoked'],
      ['case-access-consent-recorded', 'ConsentRecorded'],
      ['case-access-consent-withdrawn', 'ConsentWithdrawn'],
      ['case-access-protection-risk-flagged', 'ProtectionRiskFlagged'],
      ['case-access-protection-risk-lifted', 'ProtectionRiskLifted'],
    ]);
  });

  it('given intake shares a case and later revokes the share, when the events travel, then the service grants and then withdraws access', async () => {
    const events = new CaseEvents(eventClock);
    const shareId = randomUUID();
    const accessOfUnicef = () => reader.accessOf(serviceSource, events.caseId, 'UNICEF', eventClock.now());

    await intake.outbox.run(async (unit) => {
      unit.record(
        events.received('OHCHR-COL'),
        events.shared({ shareId, entity: 'UNICEF', scope: 'full' }),
        events.accepted(shareId, 'UNICEF'),
      );
    });
    await eventually(async () => (await accessOfUnicef()).as === 'shared-full', {
      timeoutMs: 5_000,
      description: 'the share to reach the service',
    });

    eventClock.advance(60_000);
    await intake.outbox.run(async (unit) => {
      unit.record(events.revoked(shareId, 'UNICEF'));
    });
    await eventually(async () => (await accessOfUnicef()).as === 'none', {
      timeoutMs: 1_000,
      description: 'the revocation to take effect within a second',
    });
    expect((await reader.accessOf(serviceSource, events.caseId, 'OHCHR-COL', eventClock.now())).as).toBe(
      'lead',
    );
  });

  it('given an event delivered twice, when the consumer receives it again, then its inbox ignores the duplicate', async () => {
    const events = new CaseEvents(eventClock);
    const shareId = randomUUID();
    const received = codec.encode(events.received('OHCHR-GTM'));
    const offered = codec.encode(events.shared({ shareId, entity: 'UNDP' }));

    expect(await service.consumer.receive(received)).toEqual(['processed']);
    expect(await service.consumer.receive(offered)).toEqual(['processed']);
    expect(await service.consumer.receive(offered)).toEqual(['duplicate']);
    expect(await reader.entitiesThatSee(serviceSource, events.caseId, eventClock.now())).toEqual([
      'OHCHR-GTM',
    ]);
  });
});
