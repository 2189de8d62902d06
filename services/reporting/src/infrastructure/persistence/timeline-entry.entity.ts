import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TimelineDetail } from '../../domain/timeline-detail';

/**
 * One step of a case as any service reported it. Holds ids, categories and roles only:
 * there is no column here that could hold a name.
 */
@Entity({ name: 'timeline_entry' })
@Index('timeline_entry_case', ['caseId'])
export class TimelineEntryEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  service!: string;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: string;

  /** Account id of the officer (an opaque token subject), null for a service acting on its rules. */
  @Column({ name: 'actor_sub', type: 'text', nullable: true })
  actorSub!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ name: 'actor_entity', type: 'text', nullable: true })
  actorEntity!: string | null;

  @Column({ name: 'policy_version', type: 'text', nullable: true })
  policyVersion!: string | null;

  @Column({ name: 'causation_id', type: 'uuid', nullable: true })
  causationId!: string | null;

  @Column({ name: 'correlation_id', type: 'uuid' })
  correlationId!: string;

  /** Codes, dates and ids of the event that tell the step apart (timelineDetailOf): never prose. */
  @Column({ type: 'jsonb', nullable: true })
  detail!: TimelineDetail | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
