import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  ProtocolStage,
  ReportedAct,
  ReportedAction,
  ReportedReply,
  ReportedVictim,
} from '../../domain/report-case/report-case';

/**
 * One case as statistics count it, merged from the events of every service. Typed columns of
 * ids, codes, categories, dates and counts only: no column can hold a name or a text a person
 * wrote (no summary, no description, no cooperation detail).
 */
@Entity({ name: 'report_case' })
@Index('report_case_received_on', ['receivedOn'])
export class ReportCaseEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ name: 'state_concerned', type: 'char', length: 3, nullable: true })
  stateConcerned!: string | null;

  @Column({ name: 'lead_entity', type: 'text', nullable: true })
  leadEntity!: string | null;

  @Column({ name: 'lead_transferred_at', type: 'timestamptz', nullable: true })
  leadTransferredAt!: Date | null;

  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn!: string | null;

  @Column({ name: 'received_year', type: 'smallint', nullable: true })
  receivedYear!: number | null;

  /** [{ pseudonym, kind, profile, gender, ageGroup, organisationType }]: categories only. */
  @Column({ type: 'jsonb' })
  victims!: ReportedVictim[];

  /** [{ type, occurredOn, online, perpetrator }]. */
  @Column({ type: 'jsonb' })
  acts!: ReportedAct[];

  @Column({ type: 'text', nullable: true })
  mechanism!: string | null;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ name: 'victims_version', type: 'integer' })
  victimsVersion!: number;

  @Column({ name: 'acts_version', type: 'integer' })
  actsVersion!: number;

  @Column({ name: 'cooperation_version', type: 'integer' })
  cooperationVersion!: number;

  @Column({ name: 'screening_scope', type: 'text', nullable: true })
  screeningScope!: 'in-scope' | 'out-of-scope' | null;

  @Column({ name: 'screened_at', type: 'timestamptz', nullable: true })
  screenedAt!: Date | null;

  @Column({ name: 'risk_level', type: 'text', nullable: true })
  riskLevel!: string | null;

  @Column({ name: 'risk_assessed_at', type: 'timestamptz', nullable: true })
  riskAssessedAt!: Date | null;

  @Column({ name: 'verification_outcome', type: 'text', nullable: true })
  verificationOutcome!: string | null;

  @Column({ name: 'verification_concluded_on', type: 'date', nullable: true })
  verificationConcludedOn!: string | null;

  @Column({ name: 'verification_concluded_at', type: 'timestamptz', nullable: true })
  verificationConcludedAt!: Date | null;

  @Column({ name: 'verification_late_for_cycle', type: 'text', nullable: true })
  verificationLateForCycle!: string | null;

  /** [{ id, type, status, decidedOn }]. */
  @Column({ name: 'response_actions', type: 'jsonb' })
  responseActions!: ReportedAction[];

  @Column({ name: 'sent_communication_ids', type: 'uuid', array: true })
  sentCommunicationIds!: string[];

  @Column({ name: 'communications_sent', type: 'integer' })
  communicationsSent!: number;

  @Column({ name: 'missed_deadline_communication_ids', type: 'uuid', array: true })
  missedDeadlineCommunicationIds!: string[];

  @Column({ name: 'deadlines_missed', type: 'integer' })
  deadlinesMissed!: number;

  /** [{ replyId, type, receivedOn }], by the day received. */
  @Column({ name: 'state_replies', type: 'jsonb' })
  stateReplies!: ReportedReply[];

  /** The first of them (the earliest received). */
  @Column({ name: 'first_reply_id', type: 'uuid', nullable: true })
  firstReplyId!: string | null;

  @Column({ name: 'first_reply_type', type: 'text', nullable: true })
  firstReplyType!: ReportedReply['type'] | null;

  @Column({ name: 'first_reply_on', type: 'date', nullable: true })
  firstReplyOn!: string | null;

  /** The furthest stage of the response protocol known (a code of PROTOCOL_STAGES). */
  @Column({ type: 'text', nullable: true })
  stage!: ProtocolStage | null;

  @Column({ type: 'boolean' })
  closed!: boolean;

  @Column({ name: 'personal_data_erased', type: 'boolean' })
  personalDataErased!: boolean;

  @Column({ name: 'last_event_at', type: 'timestamptz', nullable: true })
  lastEventAt!: Date | null;
}
