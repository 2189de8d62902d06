import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Proof that one subscriber processed one event: written in the same transaction as the effect. */
@Entity({ name: 'inbox_record' })
export class InboxRecordEntity {
  @PrimaryColumn({ type: 'text' })
  subscriber!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt!: Date;
}
