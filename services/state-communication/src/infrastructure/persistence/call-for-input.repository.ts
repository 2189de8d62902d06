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

  /** The reference of the call already made for this period, if one was. */
  async referenceOfPeriod(
    manager: EntityManager,
    periodFrom: string,
    periodTo: string,
  ): Promise<string | undefined> {
    const found = await manager.getRepository(CallForInputEntity).findOneBy({ periodFrom, periodTo });
    return found?.reference;
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

  async insert(manager: EntityManager, call: CallForInput, now: Date): Promise<void> {
    await manager.getRepository(CallForInputEntity).insert(this.row(call, now));
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
      status: call.status,
      document: call,
      draftedAt: new Date(call.draftedAt),
      updatedAt: now,
    };
  }
}
