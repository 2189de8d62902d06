import { randomUUID } from 'node:crypto';
import {
  Column,
  Entity,
  PrimaryColumn,
  type DataSource,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import {
  AllegationReceived,
  ConsentRecorded,
  ConsentWithdrawn,
  type ConsentScopes,
  CaseShared,
  createEvent,
  LeadTransferred,
  ShareAccepted,
  ShareDeclined,
  ShareRevoked,
  type CaseSharedData,
  type NewEventContext,
} from '@reprisals/contracts';
import type { Clock } from '@reprisals/kernel';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import { createServiceDataSource, initializeServiceDatabase, schemaOf } from '@reprisals/persistence';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from './case-access-schema';
import type { CaseAccessEvent } from './projection/case-access.event';

/** A list a service might filter by visibility: one row per case, with the State concerned. */
@Entity({ name: 'case_listing' })
export class CaseListingTestEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'state_concerned', type: 'text' })
  stateConcerned!: string;
}

export class CreateCaseListing1767225699100 implements MigrationInterface {
  name = 'CreateCaseListing1767225699100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${schemaOf(queryRunner)}"."case_listing" ("case_id" UUID PRIMARY KEY, "state_concerned" TEXT NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."case_listing"`);
  }
}

/** A service schema with the messaging tables, the case-access projection and a case list. */
export async function openCaseAccessDataSource(url: string, schema: string): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: [...MESSAGING_ENTITIES, ...CASE_ACCESS_ENTITIES, CaseListingTestEntity],
    migrations: [...MESSAGING_MIGRATIONS, ...CASE_ACCESS_MIGRATIONS, CreateCaseListing1767225699100],
    applicationName: schema,
    poolSize: 4,
  });
  await initializeServiceDatabase(dataSource);
  return dataSource;
}

/** Intake's sharing events for one case, each stamped with the clock's time when built. */
export class CaseEvents {
  readonly caseId = randomUUID();

  constructor(private readonly clock: Clock) {}

  received(leadEntity: string): CaseAccessEvent {
    return createEvent(
      AllegationReceived,
      {
        caseId: this.caseId,
        reference: 'REP-2026-000001',
        stateConcerned: 'ABC',
        receivedVia: 'email',
        receivedOn: '2026-11-20',
        leadEntity,
        victims: [],
        cooperation: null,
        acts: [],
      },
      this.context(leadEntity),
    );
  }

  shared(
    share: Partial<Omit<CaseSharedData, 'caseId'>> & Pick<CaseSharedData, 'shareId' | 'entity'>,
  ): CaseAccessEvent {
    const data: CaseSharedData = {
      caseId: this.caseId,
      leadEntity: 'OHCHR-COL',
      scope: 'summary',
      consentBasis: 'consent',
      ...share,
    };
    return createEvent(CaseShared, data, this.context(data.leadEntity));
  }

  accepted(shareId: string, entity: string): CaseAccessEvent {
    return createEvent(ShareAccepted, { caseId: this.caseId, shareId, entity }, this.context(entity));
  }

  declined(shareId: string, entity: string): CaseAccessEvent {
    return createEvent(ShareDeclined, { caseId: this.caseId, shareId, entity }, this.context(entity));
  }

  revoked(shareId: string, entity: string): CaseAccessEvent {
    return createEvent(ShareRevoked, { caseId: this.caseId, shareId, entity }, this.context('OHCHR-COL'));
  }

  consentRecorded(version: number, scopes: ConsentScopes): CaseAccessEvent {
    return createEvent(
      ConsentRecorded,
      {
        caseId: this.caseId,
        consentVersion: version,
        scopes,
        givenBy: 'victim',
        givenOn: '2026-11-20',
        form: 'written',
      },
      this.context('OHCHR-COL'),
    );
  }

  consentWithdrawn(version: number): CaseAccessEvent {
    return createEvent(
      ConsentWithdrawn,
      {
        caseId: this.caseId,
        consentVersion: version,
        withdrawnBy: 'family',
        withdrawnOn: '2026-11-20',
        form: 'oral',
      },
      this.context('OHCHR-COL'),
    );
  }

  transferred(transferId: string, fromEntity: string, toEntity: string): CaseAccessEvent {
    return createEvent(
      LeadTransferred,
      { caseId: this.caseId, transferId, fromEntity, toEntity },
      this.context(toEntity),
    );
  }

  private context(actorEntity: string): NewEventContext {
    return {
      caseId: this.caseId,
      actor: { kind: 'user', sub: 'officer-1', entity: actorEntity, role: 'intake-officer' },
      occurredAt: this.clock.now(),
    };
  }
}

/** Every ordering of a list: to show that a projection does not depend on arrival order. */
export function permutationsOf<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutationsOf([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}
