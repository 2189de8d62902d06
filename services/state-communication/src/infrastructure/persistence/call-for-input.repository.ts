import type { EntityManager } from 'typeorm';
import { serviceSchemaOf } from '@reprisals/persistence';
import type { CallForInput } from '../../domain/call-for-input/call-for-input';
import type { Communication } from '../../domain/communication/communication';
import { CallForInputEntity } from './call-for-input.entity';

/** Calls for input as documents, with the communications that carry them to each State. */
export class CallForInputRepository {
  async lock(manager: EntityManager, id: string): Promise<CallForInput | undefined> {
    const rows = await manager.query<{ document: CallForInput }[]>(
      `SELECT "document" FROM "${serviceSchemaOf(manager.connection)}"."call_for_input" WHERE "id" = $1 FOR NO KEY UPDATE`,
      [id],
    );
    return rows[0]?.document;
  }

  /** The reference of a call already made for a period that shares a day with this one, if any. */
  async referenceOverlapping(
    manager: EntityManager,
    periodFrom: string,
    periodTo: string,
  ): Promise<string | undefined> {
    const rows = await manager.query<{ reference: string }[]>(
      `SELECT "reference" FROM "${serviceSchemaOf(manager.connection)}"."call_for_input"
        WHERE daterange("period_from", "period_to", '[]') && daterange($1::date, $2::date, '[]') LIMIT 1`,
      [periodFrom, periodTo],
    );
    return rows[0]?.reference;
  }

  /** The call's communications, one per State, locked in the order of their States. */
  async lockLetters(manager: EntityManager, id: string): Promise<Communication[]> {
    const rows = await manager.query<{ document: Communication }[]>(
      `SELECT "document" FROM "${serviceSchemaOf(manager.connection)}"."communication"
        WHERE "call_for_input_id" = $1 ORDER BY "state_concerned" FOR NO KEY UPDATE`,
      [id],
    );
    return rows.map((row) => row.document);
  }

  async letters(manager: EntityManager, id: string): Promise<Communication[]> {
    const rows = await manager.query<{ document: Communication }[]>(
      `SELECT "document" FROM "${serviceSchemaOf(manager.connection)}"."communication"
        WHERE "call_for_input_id" = $1 ORDER BY "state_concerned"`,
      [id],
    );
    return rows.map((row) => row.document);
  }

  /** Inserts a call; false when a call made meanwhile covers a day of its period. */
  async insert(manager: EntityManager, call: CallForInput, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CallForInputEntity)
      .values(this.row(call, now))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async save(manager: EntityManager, call: CallForInput, now: Date): Promise<void> {
    const { id, ...columns } = this.row(call, now);
    await manager.getRepository(CallForInputEntity).update({ id }, columns);
  }

  private row(call: CallForInput, now: Date): CallForInputEntity {
    return {
      id: call.id,
      reference: call.reference,
      periodFrom: call.periodFrom,
      periodTo: call.periodTo,
      entity: call.entity,
      status: call.status,
      document: call,
      draftedAt: new Date(call.draftedAt),
      updatedAt: now,
    };
  }
}
