import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An approval request, findable by its id and listed for the supervisors who answer it. */
@Entity({ name: 'verification_approval' })
export class VerificationApprovalEntity {
  @PrimaryColumn({ name: 'approval_id', type: 'uuid' })
  approvalId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'due_by', type: 'timestamptz' })
  dueBy!: Date;

  @Column({ type: 'boolean' })
  overdue!: boolean;
}
