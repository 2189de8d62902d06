import type { EntityManager } from 'typeorm';
import { serviceSchemaOf } from '@reprisals/persistence';
import type { Communication } from '../../domain/communication/communication';
import { CommunicationEntity } from './communication.entity';

/** Communications as documents, locked one at a time for the steps that change them. */
export class CommunicationRepository {
  async lock(manager: EntityManager, id: string): Promise<Communication | undefined> {
    const rows = await manager.query<{ document: Communication }[]>(
      `SELECT "document" FROM "${serviceSchemaOf(manager.connection)}"."communication" WHERE "id" = $1 FOR NO KEY UPDATE`,
      [id],
    );
    return rows[0]?.document;
  }

  /** Inserts a draft; false when the response action it carries out was drafted already. */
  async insert(manager: EntityManager, communication: Communication, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CommunicationEntity)
      .values(this.row(communication, now))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async save(manager: EntityManager, communication: Communication, now: Date): Promise<void> {
    const { id, ...columns } = this.row(communication, now);
    await manager.getRepository(CommunicationEntity).update({ id }, columns);
  }

  /** Communications of a case not sent yet, locked: consent or a flag may stop them. */
  async unsentOfCase(manager: EntityManager, caseId: string): Promise<Communication[]> {
    const rows = await manager.query<{ document: Communication }[]>(
      `SELECT "document" FROM "${serviceSchemaOf(manager.connection)}"."communication"
        WHERE "case_id" = $1 AND "status" IN ('draft', 'approved', 'dispatching') ORDER BY "drafted_at" FOR NO KEY UPDATE`,
      [caseId],
    );
    return rows.map((row) => row.document);
  }

  private row(communication: Communication, now: Date): CommunicationEntity {
    return {
      id: communication.id,
      caseId: communication.caseId,
      callForInputId: communication.callForInput?.id ?? null,
      stateConcerned: communication.stateConcerned,
      kind: communication.kind,
      status: communication.status,
      responseActionId: communication.responseActionId,
      document: communication,
      replyDueOn: communication.schedule?.replyDueOn ?? null,
      draftedAt: new Date(communication.draftedAt),
      updatedAt: now,
    };
  }
}
