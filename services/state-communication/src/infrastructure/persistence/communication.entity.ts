import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A communication: its document (the domain's Communication) and the columns lists filter on. */
@Entity({ name: 'communication' })
export class CommunicationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'call_for_input_id', type: 'uuid', nullable: true })
  callForInputId!: string | null;

  @Column({ name: 'state_concerned', type: 'char', length: 3 })
  stateConcerned!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'response_action_id', type: 'uuid', nullable: true })
  responseActionId!: string | null;

  @Column({ type: 'jsonb' })
  document!: object;

  @Column({ name: 'reply_due_on', type: 'date', nullable: true })
  replyDueOn!: string | null;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
