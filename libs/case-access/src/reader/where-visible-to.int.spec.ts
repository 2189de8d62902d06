import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { closeServiceDatabase, inTransaction } from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { CaseEvents, CaseListingTestEntity, openCaseAccessDataSource } from '../case-access.test-support';
import { CaseAccessProjection } from '../projection/case-access.projection';
import type { CaseAccessEvent } from '../projection/case-access.event';
import { whereVisibleTo } from './where-visible-to';

describe('restricting a list of cases to those an entity sees', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const projection = new CaseAccessProjection();
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  const expiry = new Date('2026-11-20T12:00:00.000Z');
  const afternoon = new Date('2026-11-20T15:00:00.000Z');
  const cases: Record<string, string> = {};

  /** Each case of the list, with what happened to it. */
  const scenarios: Record<string, { state: string; events: (events: CaseEvents) => CaseAccessEvent[] }> = {
    'led by OHCHR': { state: 'ABC', events: (e) => [e.received('OHCHR')] },
    'led by OHCHR, later transferred away': {
      state: 'ABC',
      events: (e) => [e.received('OHCHR'), e.transferred(randomUUID(), 'OHCHR', 'OHCHR-UKR')],
    },
    'transferred to OHCHR': {
      state: 'DEF',
      events: (e) => [e.received('OHCHR-ROPAC'), e.transferred(randomUUID(), 'OHCHR-ROPAC', 'OHCHR')],
    },
    'shared with OHCHR and accepted': {
      state: 'DEF',
      events: (e) => {
        const shareId = randomUUID();
        return [e.received('UNDP'), e.shared({ shareId, entity: 'OHCHR' }), e.accepted(shareId, 'OHCHR')];
      },
    },
    'shared with OHCHR until noon': {
      state: 'ABC',
      events: (e) => {
        const shareId = randomUUID();
        return [
          e.received('UNDP'),
          e.shared({ shareId, entity: 'OHCHR', expiresAt: expiry.toISOString() }),
          e.accepted(shareId, 'OHCHR'),
        ];
      },
    },
    'offered to OHCHR only': {
      state: 'ABC',
      events: (e) => [e.received('UNDP'), e.shared({ shareId: randomUUID(), entity: 'OHCHR' })],
    },
    'shared with OHCHR, then revoked': {
      state: 'ABC',
      events: (e) => {
        const shareId = randomUUID();
        return [
          e.received('UNDP'),
          e.shared({ shareId, entity: 'OHCHR' }),
          e.accepted(shareId, 'OHCHR'),
          e.revoked(shareId, 'OHCHR'),
        ];
      },
    },
    'shared with UNHCR only': {
      state: 'ABC',
      events: (e) => {
        const shareId = randomUUID();
        return [e.received('UNDP'), e.shared({ shareId, entity: 'UNHCR' }), e.accepted(shareId, 'UNHCR')];
      },
    },
    'listed but never projected': { state: 'ABC', events: () => [] },
  };

  beforeAll(async () => {
    database = await createTestDatabase('case_access_list');
    dataSource = await openCaseAccessDataSource(database.url, 'listing');
    for (const [name, scenario] of Object.entries(scenarios)) {
      const events = new CaseEvents(clock);
      cases[name] = events.caseId;
      await dataSource.getRepository(CaseListingTestEntity).insert({
        caseId: events.caseId,
        stateConcerned: scenario.state,
      });
      for (const event of scenario.events(events)) {
        await inTransaction(dataSource, (manager) => projection.project(manager, event));
        clock.advance(1_000);
      }
    }
  });

  afterAll(async () => {
    await closeServiceDatabase(dataSource);
    await database?.drop();
  });

  const namesOf = (rows: CaseListingTestEntity[]): string[] =>
    rows.map((row) => Object.keys(cases).find((name) => cases[name] === row.caseId) ?? row.caseId).sort();

  const listing = () => dataSource.getRepository(CaseListingTestEntity).createQueryBuilder('listing');

  it('given the list, when OHCHR lists before noon, then it gets the cases it leads or holds an accepted share of', async () => {
    const rows = await whereVisibleTo(
      listing(),
      'listing',
      'caseId',
      'OHCHR',
      new Date('2026-11-20T11:59:59Z'),
    ).getMany();

    expect(namesOf(rows)).toEqual(
      [
        'led by OHCHR',
        'shared with OHCHR and accepted',
        'shared with OHCHR until noon',
        'transferred to OHCHR',
      ].sort(),
    );
  });

  it('given the list, when OHCHR lists at noon, then the expired share no longer shows', async () => {
    const rows = await whereVisibleTo(listing(), 'listing', 'caseId', 'OHCHR', expiry).getMany();

    expect(namesOf(rows)).not.toContain('shared with OHCHR until noon');
    expect(namesOf(rows)).toContain('shared with OHCHR and accepted');
  });

  it('given other filters before and after, when combined, then every filter applies to every case', async () => {
    const builder = listing().where('listing.stateConcerned = :state', { state: 'ABC' });
    whereVisibleTo(builder, 'listing', 'caseId', 'OHCHR', afternoon);
    builder.andWhere('listing.caseId <> :excluded', { excluded: cases['led by OHCHR'] });

    expect(namesOf(await builder.getMany())).toEqual([]);
    const counted = await whereVisibleTo(
      listing().where('listing.stateConcerned = :state', { state: 'DEF' }),
      'listing',
      'case_id',
      'OHCHR',
      afternoon,
    ).getCount();
    expect(counted).toBe(2);
  });

  it('given two entities, when the list is restricted for both, then only cases both see remain', async () => {
    const builder = whereVisibleTo(listing(), 'listing', 'caseId', 'OHCHR', afternoon);
    whereVisibleTo(builder, 'listing', 'caseId', 'UNDP', afternoon);

    expect(namesOf(await builder.getMany())).toEqual(['shared with OHCHR and accepted']);
  });

  it('given an entity with no case, when it lists, then it gets nothing', async () => {
    expect(await whereVisibleTo(listing(), 'listing', 'caseId', 'UNICEF', afternoon).getMany()).toEqual([]);
    expect(
      namesOf(await whereVisibleTo(listing(), 'listing', 'caseId', 'UNHCR', afternoon).getMany()),
    ).toEqual(['shared with UNHCR only']);
  });
});
