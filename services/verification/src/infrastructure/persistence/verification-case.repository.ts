import type { EntityManager } from 'typeorm';
import { serviceSchemaOf } from '@reprisals/persistence';
import { attentionDueAt } from '../../domain/attention-due';
import type { VerificationCase } from '../../domain/verification-case';
import { VerificationApprovalEntity } from './verification-approval.entity';
import { VerificationCaseEntity } from './verification-case.entity';

type StoredCase = Omit<VerificationCase, 'openedAt'> & { openedAt: string };

const toStored = (current: VerificationCase): StoredCase => ({
  ...current,
  openedAt: current.openedAt.toISOString(),
});
const fromStored = (stored: StoredCase): VerificationCase => ({
  ...stored,
  openedAt: new Date(stored.openedAt),
});

/**
 * The protocol state of each case: one JSON document (the engine's VerificationCase) with the
 * columns lists filter on kept beside it, and the approval requests kept findable by id.
 */
export class VerificationCaseRepository {
  /** The case, locked for the rest of the transaction (one step at a time per case). */
  async lock(manager: EntityManager, caseId: string): Promise<VerificationCase | undefined> {
    const rows = await manager.query<{ protocol_state: StoredCase }[]>(
      `SELECT "protocol_state" FROM "${serviceSchemaOf(manager.connection)}"."verification_case" WHERE "case_id" = $1 FOR NO KEY UPDATE`,
      [caseId],
    );
    return rows[0] ? fromStored(rows[0].protocol_state) : undefined;
  }

  async read(manager: EntityManager, caseId: string): Promise<VerificationCase | undefined> {
    const row = await manager.getRepository(VerificationCaseEntity).findOneBy({ caseId });
    return row ? fromStored(row.protocolState as unknown as StoredCase) : undefined;
  }

  async insert(manager: EntityManager, opened: VerificationCase, now: Date): Promise<void> {
    await manager.getRepository(VerificationCaseEntity).insert(this.row(opened, now));
  }

  async save(manager: EntityManager, current: VerificationCase, now: Date): Promise<void> {
    const { caseId, ...columns } = this.row(current, now);
    await manager.getRepository(VerificationCaseEntity).update({ caseId }, columns);
    if (current.approvals.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(VerificationApprovalEntity)
      .values(
        current.approvals.map((approval) => ({
          approvalId: approval.id,
          caseId,
          subject: approval.subject,
          status: approval.status,
          requestedAt: new Date(approval.requestedAt),
          dueBy: new Date(approval.dueBy),
          overdue: approval.overdue,
        })),
      )
      .orUpdate(['status', 'overdue'], ['approval_id'])
      .execute();
  }

  /** The case an approval request belongs to. */
  async caseOfApproval(manager: EntityManager, approvalId: string): Promise<string | undefined> {
    const row = await manager.getRepository(VerificationApprovalEntity).findOneBy({ approvalId });
    return row?.caseId;
  }

  private row(current: VerificationCase, now: Date): VerificationCaseEntity {
    return {
      caseId: current.caseId,
      reference: current.reference,
      stateConcerned: current.stateConcerned,
      leadEntity: current.leadEntity,
      stage: current.stage,
      protocolVersion: current.protocolVersion,
      openedAt: current.openedAt,
      track: current.track,
      risk: current.risk,
      protocolState: toStored(current),
      attentionAt: attentionDueAt(current),
      updatedAt: now,
    };
  }
}
