import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS, CaseAccessProjection } from '@reprisals/case-access';
import {
  AllegationReceived,
  ConsentRecorded,
  createEvent,
  ReplyReceived,
  ResponseActionDecided,
  VerificationConcluded,
  type ActorRef,
  type IntegrationEvent,
} from '@reprisals/contracts';
import type { HandlerContext } from '@reprisals/messaging';
import {
  closeServiceDatabase,
  createServiceDataSource,
  inTransaction,
  initializeServiceDatabase,
} from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import {
  REPORTING_ENTITIES,
  REPORTING_MIGRATIONS,
} from '../../infrastructure/persistence/reporting-data-source';
import { casesReceivedInPeriod } from '../read-statistics/cases-received-in-period.reader';
import { ProjectAllegationFactsHandler } from './project-allegation-facts.handler';
import { ProjectProtocolOutcomeHandler } from './project-protocol-outcome.handler';
import { ProjectStateConversationHandler } from './project-state-conversation.handler';

const ACTOR: ActorRef = { kind: 'system', service: 'verification' };

describe('the statistics row of a case, in PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const allegationFacts = new ProjectAllegationFactsHandler();
  const protocolOutcome = new ProjectProtocolOutcomeHandler();
  const stateConversation = new ProjectStateConversationHandler();

  beforeAll(async () => {
    database = await createTestDatabase('report_case_writer');
    dataSource = createServiceDataSource({
      url: database.url,
      schema: 'reporting',
      entities: [...REPORTING_ENTITIES, ...CASE_ACCESS_ENTITIES],
      migrations: [...REPORTING_MIGRATIONS, ...CASE_ACCESS_MIGRATIONS],
      applicationName: 'report-case-writer',
      poolSize: 4,
    });
    await initializeServiceDatabase(dataSource);
  });

  afterAll(async () => {
    await closeServiceDatabase(dataSource);
    await database?.drop();
  });

  const handle = (
    handler: { handle(event: never, context: HandlerContext): Promise<void> },
    event: IntegrationEvent,
  ) =>
    inTransaction(dataSource, (manager) =>
      handler.handle(event as never, {
        manager,
        now: new Date('2026-12-01T00:00:00.000Z'),
        emit: () => {
          throw new Error('a projection emits nothing');
        },
      }),
    );

  const rowOf = async (caseId: string): Promise<Record<string, unknown> | undefined> =>
    (
      await dataSource.query<Array<{ row: Record<string, unknown> }>>(
        'SELECT row_to_json(r) AS row FROM reporting.report_case r WHERE case_id = $1',
        [caseId],
      )
    )[0]?.row;

  const received = (caseId: string, occurredAt: string) =>
    createEvent(
      AllegationReceived,
      {
        caseId,
        reference: 'REP-2026-000007',
        stateConcerned: 'NIC',
        receivedVia: 'meeting',
        receivedOn: '2026-06-01',
        leadEntity: 'OHCHR',
        victims: [
          {
            pseudonym: 'V-2B7Q',
            kind: 'individual',
            profile: 'trade-unionist',
            gender: 'man',
            ageGroup: 'adult',
            organisationType: null,
          },
        ],
        cooperation: { mechanism: 'treaty-body', detail: 'Human Rights Committee', category: 'c' },
        acts: [
          {
            type: 'surveillance',
            occurredOn: '2026-05-20',
            country: 'NIC',
            online: true,
            perpetrator: 'state',
          },
        ],
      },
      {
        caseId,
        actor: { kind: 'user', sub: 'officer-1', entity: 'OHCHR', role: 'intake-officer' },
        occurredAt: new Date(occurredAt),
      },
    );

  it('given verification and the State answering before the allegation arrives, when projected, then a partial row waits and the allegation completes it', async () => {
    const caseId = randomUUID();
    const actionId = randomUUID();
    await handle(
      protocolOutcome,
      createEvent(
        VerificationConcluded,
        {
          caseId,
          outcome: 'verified',
          concludedOn: '2026-06-20',
          corroborationIds: [],
          lateForCycle: null,
          stage: 'response-decision',
        },
        { caseId, actor: ACTOR, occurredAt: new Date('2026-06-20T10:00:00.000Z') },
      ),
    );
    await handle(
      protocolOutcome,
      createEvent(
        ResponseActionDecided,
        {
          caseId,
          responseActionId: actionId,
          actionType: 'allegation-letter',
          reach: 'state',
          priority: 'high',
          ownerEntity: 'OHCHR',
          stateConcerned: 'NIC',
          ladderLevel: 2,
          track: 'standard',
          consentOverridden: false,
          nextReviewOn: '2026-07-20',
        },
        { caseId, actor: ACTOR, occurredAt: new Date('2026-06-21T10:00:00.000Z') },
      ),
    );
    await handle(
      stateConversation,
      createEvent(
        ReplyReceived,
        {
          caseId,
          communicationId: randomUUID(),
          replyId: randomUUID(),
          stateConcerned: 'NIC',
          replyType: 'rejection-of-allegation',
          receivedOn: '2026-07-01',
        },
        { caseId, actor: ACTOR, occurredAt: new Date('2026-07-01T10:00:00.000Z') },
      ),
    );

    expect(await rowOf(caseId)).toMatchObject({
      received_on: null,
      verification_outcome: 'verified',
      response_actions: [
        { id: actionId, type: 'allegation-letter', status: 'decided', decidedOn: '2026-06-21' },
      ],
      first_reply_type: 'rejection-of-allegation',
      first_reply_on: '2026-07-01',
    });
    expect(await casesReceivedInPeriod(dataSource, { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);

    await handle(allegationFacts, received(caseId, '2026-06-01T09:00:00.000Z'));

    expect(await rowOf(caseId)).toMatchObject({
      reference: 'REP-2026-000007',
      received_on: '2026-06-01',
      received_year: 2026,
      mechanism: 'treaty-body',
      category: 'c',
      verification_outcome: 'verified',
      last_event_at: '2026-07-01T10:00:00+00:00',
    });
    expect(JSON.stringify(await rowOf(caseId))).not.toContain('Human Rights Committee');
  });

  it('given an event delivered twice, when projected, then the row is exactly as after the first', async () => {
    const caseId = randomUUID();
    const event = received(caseId, '2026-06-01T09:00:00.000Z');
    await handle(allegationFacts, event);
    const once = await rowOf(caseId);

    await handle(allegationFacts, event);

    expect(await rowOf(caseId)).toEqual(once);
  });

  it('given a case received in the period with consent to publish anonymously, when read for statistics, then its categories and consent are counted', async () => {
    const caseId = randomUUID();
    await handle(allegationFacts, received(caseId, '2026-06-01T09:00:00.000Z'));
    await inTransaction(dataSource, (manager) =>
      new CaseAccessProjection().project(
        manager,
        createEvent(
          ConsentRecorded,
          {
            caseId,
            consentVersion: 1,
            scopes: { raiseWithState: 'named', shareWithUnEntities: 'yes', publish: 'anonymous' },
            givenBy: 'victim',
            givenOn: '2026-06-01',
            form: 'written',
          },
          { caseId, actor: ACTOR, occurredAt: new Date('2026-06-01T10:00:00.000Z') },
        ) as never,
      ),
    );

    const counted = await casesReceivedInPeriod(dataSource, { from: '2026-06-01', to: '2026-06-01' });

    expect(counted).toContainEqual({
      year: 2026,
      stateConcerned: 'NIC',
      victims: [expect.objectContaining({ kind: 'individual', gender: 'man', profile: 'trade-unionist' })],
      acts: [expect.objectContaining({ type: 'surveillance', online: true, perpetrator: 'state' })],
      mechanism: 'treaty-body',
      category: 'c',
      publish: 'anonymous',
      verificationOutcome: null,
      responseActions: [],
      communicationsSent: 0,
      deadlinesMissed: 0,
      firstReplyType: null,
    });
    expect(await casesReceivedInPeriod(dataSource, { from: '2026-06-02', to: '2026-12-31' })).toEqual([]);
  });
});
