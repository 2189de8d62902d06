import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A message a subscriber could not process: kept with its original headers and the reason. */
@Entity({ name: 'dead_letter' })
@Unique('dead_letter_subscriber_message', ['subscriber', 'messageId'])
export class DeadLetterEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  subscriber!: string;

  /** The CloudEvents id when the message had one, otherwise topic:position. */
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt!: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt!: Date | null;

  @Column({ name: 'replay_outcome', type: 'text', nullable: true })
  replayOutcome!: string | null;
}
