import type { DataSource, EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@reprisals/contracts';
import type { OutboxWriter } from './outbox.writer';

/** What a unit of work sees: the transaction's entity manager and a way to record events. */
export interface UnitOfWork {
  readonly manager: EntityManager;
  /** Events recorded here are written to the outbox in the same transaction as the state change. */
  record(...events: IntegrationEvent[]): void;
}

/**
 * Runs a command as one database transaction: its state change and the events it
 * causes commit together or not at all. After commit the relay is woken up.
 */
export class TransactionalOutbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OutboxWriter,
    private readonly onCommitted: () => void,
  ) {}

  async run<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    const recorded: IntegrationEvent[] = [];
    const result = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const value = await work({ manager, record: (...events) => recorded.push(...events) });
      await this.writer.append(manager, recorded);
      return value;
    });
    if (recorded.length > 0) this.onCommitted();
    return result;
  }
}
