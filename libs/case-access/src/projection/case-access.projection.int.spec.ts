import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { closeServiceDatabase, inTransaction } from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { CaseEvents, openCaseAccessDataSource, permutationsOf } from '../case-access.test-support';
import { CaseAccessReader } from '../reader/case-access.reader';
import { CaseConsentReader } from '../reader/case-consent.reader';
import type { CaseAccessEvent } from './case-access.event';
import { CaseAccessProjection } from './case-access.projection';

describe('the case-access projection', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const projection = new CaseAccessProjection();
  const reader = new CaseAccessReader();
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  const minute = 60_000;

  beforeAll(async () => {
    database = await createTestDatabase('case_access_projection');
    dataSource = await openCaseAccessDataSource(database.url, 'projection');
  });

  afterAll(async () => {
    await closeServiceDatabase(dataSource);
    await database?.drop();
  });

  const project = async (...events: CaseAccessEvent[]): Promise<void> => {
    for (const event of events) {
      await inTransaction(dataSource, (manager) => projection.project(manager, event));
    }
  };

  /** Builds the events of one case one minute apart, in the order they happened. */
  const stepwise = (events: CaseEvents, steps: Array<() => CaseAccessEvent>): CaseAccessEvent[] =>
    steps.map((step) => {
      const event = step();
      clock.advance(minute);
      return event;
    });

  const accessOf = (caseId: string, entity: string) =>
    reader.accessOf(dataSource, caseId, entity, clock.now());

  const rowsOf = async (caseId: string) => ({
    lead: await dataSource.query('SELECT * FROM case_access WHERE case_id = $1', [caseId]),
    shares: await dataSource.query('SELECT * FROM case_share WHERE case_id = $1 ORDER BY share_id', [caseId]),
  });

  it('given an allegation received by OHCHR-COL, when projected, then OHCHR-COL leads and others see nothing', async () => {
    const events = new CaseEvents(clock);
    await project(events.received('OHCHR-COL'));

    expect(await accessOf(events.caseId, 'OHCHR-COL')).toEqual({
      visible: true,
      as: 'lead',
      leadEntity: 'OHCHR-COL',
    });
    expect(await accessOf(events.caseId, 'UNDP')).toEqual({ visible: false, as: 'none' });
  });

  it('given a case no event mentioned, when asked, then nobody sees it', async () => {
    expect(await accessOf(randomUUID(), 'OHCHR')).toEqual({ visible: false, as: 'none' });
    expect(await accessOf('not-a-case-id', 'OHCHR')).toEqual({ visible: false, as: 'none' });
  });

  it('given a share offered, then accepted, then revoked, when each is projected, then access follows', async () => {
    const events = new CaseEvents(clock);
    const shareId = randomUUID();
    const [received, offered, accepted, revoked] = stepwise(events, [
      () => events.received('OHCHR-COL'),
      () => events.shared({ shareId, entity: 'SPECIAL-PROCEDURES', scope: 'full' }),
      () => events.accepted(shareId, 'SPECIAL-PROCEDURES'),
      () => events.revoked(shareId, 'SPECIAL-PROCEDURES'),
    ]);

    await project(received!, offered!);
    expect((await accessOf(events.caseId, 'SPECIAL-PROCEDURES')).as).toBe('none');
    await project(accepted!);
    expect(await accessOf(events.caseId, 'SPECIAL-PROCEDURES')).toEqual({
      visible: true,
      as: 'shared-full',
      leadEntity: 'OHCHR-COL',
    });
    await project(revoked!);
    expect(await accessOf(events.caseId, 'SPECIAL-PROCEDURES')).toEqual({ visible: false, as: 'none' });
    expect((await accessOf(events.caseId, 'OHCHR-COL')).as).toBe('lead');
  });

  it('given a share declined, when projected, then the receiving entity never sees the case', async () => {
    const events = new CaseEvents(clock);
    const shareId = randomUUID();
    await project(
      ...stepwise(events, [
        () => events.received('OHCHR-COL'),
        () => events.shared({ shareId, entity: 'UNHCR' }),
        () => events.declined(shareId, 'UNHCR'),
      ]),
    );
    expect(await accessOf(events.caseId, 'UNHCR')).toEqual({ visible: false, as: 'none' });
  });

  it('given offer, acceptance and revocation, when projected in every order, then the share always ends revoked', async () => {
    const template = new CaseEvents(clock);
    const shareId = randomUUID();
    const facts = stepwise(template, [
      () => template.shared({ shareId, entity: 'UNICEF', scope: 'full' }),
      () => template.accepted(shareId, 'UNICEF'),
      () => template.revoked(shareId, 'UNICEF'),
    ]);
    const received = template.received('OHCHR-COL');

    for (const order of permutationsOf([received, ...facts])) {
      await dataSource.query('DELETE FROM case_share WHERE case_id = $1', [template.caseId]);
      await dataSource.query('DELETE FROM case_access WHERE case_id = $1', [template.caseId]);
      await project(...order);

      const [share] = await dataSource.query('SELECT scope, status FROM case_share WHERE share_id = $1', [
        shareId,
      ]);
      expect({ order: order.map((event) => event.type), share }).toEqual({
        order: order.map((event) => event.type),
        share: { scope: 'full', status: 'revoked' },
      });
      expect(await accessOf(template.caseId, 'UNICEF')).toEqual({ visible: false, as: 'none' });
    }
  });

  it('given an acceptance projected before its offer, when the offer arrives, then access starts only then', async () => {
    const events = new CaseEvents(clock);
    const shareId = randomUUID();
    const [received, offered, accepted] = stepwise(events, [
      () => events.received('OHCHR-COL'),
      () => events.shared({ shareId, entity: 'UN-WOMEN', scope: 'summary' }),
      () => events.accepted(shareId, 'UN-WOMEN'),
    ]);

    await project(received!, accepted!);
    expect((await accessOf(events.caseId, 'UN-WOMEN')).visible).toBe(false);
    await project(offered!);
    expect((await accessOf(events.caseId, 'UN-WOMEN')).as).toBe('shared-summary');
  });

  it('given a share expiring in an hour, when the clock passes the expiry, then access ends without any event', async () => {
    const events = new CaseEvents(clock);
    const shareId = randomUUID();
    const expiresAt = new Date(clock.now().getTime() + 60 * minute);
    await project(
      events.received('OHCHR-COL'),
      events.shared({ shareId, entity: 'MONUSCO', expiresAt: expiresAt.toISOString() }),
      events.accepted(shareId, 'MONUSCO'),
    );

    expect(
      (await reader.accessOf(dataSource, events.caseId, 'MONUSCO', new Date(expiresAt.getTime() - 1))).as,
    ).toBe('shared-summary');
    expect(await reader.accessOf(dataSource, events.caseId, 'MONUSCO', expiresAt)).toEqual({
      visible: false,
      as: 'none',
    });
  });

  it('given a lead transfer, when projected, then the new lead sees the case and the former lead no longer does', async () => {
    const events = new CaseEvents(clock);
    await project(
      ...stepwise(events, [
        () => events.received('OHCHR-COL'),
        () => events.transferred(randomUUID(), 'OHCHR-COL', 'OHCHR'),
      ]),
    );

    expect(await accessOf(events.caseId, 'OHCHR')).toEqual({
      visible: true,
      as: 'lead',
      leadEntity: 'OHCHR',
    });
    expect(await accessOf(events.caseId, 'OHCHR-COL')).toEqual({ visible: false, as: 'none' });
  });

  it('given a receipt and two transfers, when projected in every order, then the latest transfer decides the lead', async () => {
    const template = new CaseEvents(clock);
    const facts = stepwise(template, [
      () => template.received('OHCHR-GTM'),
      () => template.transferred(randomUUID(), 'OHCHR-GTM', 'OHCHR'),
      () => template.transferred(randomUUID(), 'OHCHR', 'SPECIAL-PROCEDURES'),
    ]);

    for (const order of permutationsOf(facts)) {
      await dataSource.query('DELETE FROM case_access WHERE case_id = $1', [template.caseId]);
      await project(...order);

      const [row] = await dataSource.query('SELECT lead_entity FROM case_access WHERE case_id = $1', [
        template.caseId,
      ]);
      expect({ order: order.map((event) => event.data), row }).toEqual({
        order: order.map((event) => event.data),
        row: { lead_entity: 'SPECIAL-PROCEDURES' },
      });
    }
  });

  it('given every event of a case already projected, when each is projected again, then no row changes', async () => {
    const events = new CaseEvents(clock);
    const kept = randomUUID();
    const dropped = randomUUID();
    const all = stepwise(events, [
      () => events.received('OHCHR-KHM'),
      () =>
        events.shared({
          shareId: kept,
          entity: 'UNDP',
          scope: 'full',
          expiresAt: '2027-05-01T00:00:00.000Z',
        }),
      () => events.shared({ shareId: dropped, entity: 'UNHCR' }),
      () => events.accepted(kept, 'UNDP'),
      () => events.accepted(dropped, 'UNHCR'),
      () => events.revoked(dropped, 'UNHCR'),
      () => events.transferred(randomUUID(), 'OHCHR-KHM', 'OHCHR'),
    ]);
    await project(...all);
    const before = await rowsOf(events.caseId);

    await project(...all);
    await project(...[...all].reverse());

    expect(await rowsOf(events.caseId)).toEqual(before);
    expect(before.shares).toHaveLength(2);
    expect(await reader.entitiesThatSee(dataSource, events.caseId, clock.now())).toEqual(['OHCHR', 'UNDP']);
  });

  it('given a case shared with several entities, when asked who sees it, then the lead comes first, then shares in force', async () => {
    const events = new CaseEvents(clock);
    const [full, summary, offered, expired] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await project(
      events.received('OHCHR-MEX'),
      events.shared({ shareId: full, entity: 'UNHCR', scope: 'full' }),
      events.accepted(full, 'UNHCR'),
      events.shared({ shareId: summary, entity: 'SPECIAL-PROCEDURES' }),
      events.accepted(summary, 'SPECIAL-PROCEDURES'),
      events.shared({ shareId: offered, entity: 'UNDP' }),
      events.shared({ shareId: expired, entity: 'UNICEF', expiresAt: '2026-01-01T00:00:00.000Z' }),
      events.accepted(expired, 'UNICEF'),
    );

    expect(await reader.entitiesThatSee(dataSource, events.caseId, clock.now())).toEqual([
      'OHCHR-MEX',
      'SPECIAL-PROCEDURES',
      'UNHCR',
    ]);
    expect(await reader.entitiesThatSee(dataSource, randomUUID(), clock.now())).toEqual([]);
  });

  it('given consent recorded, changed and withdrawn, when projected in every order, then the latest version is in force', async () => {
    const consent = new CaseConsentReader();
    const events = new CaseEvents(clock);
    const versions = stepwise(events, [
      () =>
        events.consentRecorded(1, {
          raiseWithState: 'named',
          shareWithUnEntities: 'yes',
          publish: 'anonymous',
        }),
      () =>
        events.consentRecorded(2, { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'no' }),
      () => events.consentWithdrawn(3),
    ]);
    expect(await consent.consentOf(dataSource, events.caseId)).toEqual({
      raiseWithState: 'no',
      shareWithUnEntities: 'no',
      publish: 'no',
      version: 0,
      withdrawn: false,
    });
    await project(versions[0]!, versions[1]!);
    expect(await consent.consentOf(dataSource, events.caseId)).toMatchObject({
      raiseWithState: 'anonymous',
      shareWithUnEntities: 'yes',
      version: 2,
    });

    for (const order of permutationsOf(versions)) {
      await dataSource.query('DELETE FROM case_consent WHERE case_id = $1', [events.caseId]);
      await project(...order, ...order);
      expect(await consent.consentOf(dataSource, events.caseId)).toEqual({
        raiseWithState: 'no',
        shareWithUnEntities: 'no',
        publish: 'no',
        version: 3,
        withdrawn: true,
      });
    }
  });
});
