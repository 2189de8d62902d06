import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a POST sent with an Idempotency-Key, per caller. The request is kept only as
 * a salted SHA-256 of its canonical JSON, since the body may name people.
 */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'actor_sub', type: 'text' })
  actorSub!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'request_salt', type: 'bytea' })
  requestSalt!: Buffer;

  @Column({ name: 'request_hash', type: 'bytea' })
  requestHash!: Buffer;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
