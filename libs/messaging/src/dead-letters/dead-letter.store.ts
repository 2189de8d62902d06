import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '@reprisals/kernel';
import type { DeliveredMessage, TransportMessage } from '../transport/event-transport';
import { DeadLetterEntity } from './dead-letter.entity';

export interface DeadLetterView {
  id: string;
  subscriber: string;
  messageId: string;
  topic: string;
  eventType: string | null;
  caseId: string;
  reason: string;
  attempts: number;
  failedAt: string;
  replayedAt: string | null;
  replayOutcome: string | null;
}

/** The service's own record of messages it could not process, for listing and replay. */
export class DeadLetterStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Keeps a message with its reason (again, with the new reason, when it was kept before). `within`
   * runs in the same transaction, after the letter is written: a failed replay is audited there.
   */
  async record(
    input: {
      subscriber: string;
      message: DeliveredMessage | TransportMessage;
      reason: string;
      attempts: number;
    },
    within?: (manager: EntityManager, letter: DeadLetterEntity) => Promise<void>,
  ): Promise<DeadLetterEntity> {
    const messageId = messageIdOf(input.message);
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const repository = manager.getRepository(DeadLetterEntity);
      await repository
        .createQueryBuilder()
        .insert()
        .values({
          subscriber: input.subscriber,
          messageId,
          topic: input.message.topic,
          messageKey: input.message.key,
          headers: input.message.headers,
          payload: input.message.value,
          reason: input.reason,
          attempts: input.attempts,
          failedAt: this.clock.now(),
          replayedAt: null,
          replayOutcome: null,
        })
        .orUpdate(
          ['reason', 'attempts', 'failed_at', 'replayed_at', 'replay_outcome'],
          ['subscriber', 'message_id'],
        )
        .execute();
      const letter = await repository.findOneByOrFail({ subscriber: input.subscriber, messageId });
      if (within) await within(manager, letter);
      return letter;
    });
  }

  async list(
    filter: { subscriberPrefix?: string; includeReplayed?: boolean } = {},
  ): Promise<DeadLetterView[]> {
    const query = this.dataSource.getRepository(DeadLetterEntity).createQueryBuilder('letter');
    if (filter.subscriberPrefix) {
      query.andWhere('letter.subscriber LIKE :prefix', { prefix: `${filter.subscriberPrefix}%` });
    }
    if (!filter.includeReplayed) query.andWhere('letter.replayedAt IS NULL');
    const rows = await query.orderBy('letter.failedAt', 'ASC').getMany();
    return rows.map(toView);
  }

  async find(id: string): Promise<DeadLetterEntity | null> {
    return this.dataSource.getRepository(DeadLetterEntity).findOneBy({ id });
  }

  /**
   * Locks the letter for a replay, in the transaction that will commit the replay's effect:
   * a second replay of the same letter waits, then finds it replayed.
   */
  async lockForReplay(manager: EntityManager, id: string): Promise<'open' | 'replayed' | 'missing'> {
    const letter = await manager
      .getRepository(DeadLetterEntity)
      .createQueryBuilder('letter')
      .setLock('pessimistic_write')
      .where('letter.id = :id', { id })
      .getOne();
    if (!letter) return 'missing';
    return letter.replayedAt ? 'replayed' : 'open';
  }

  /** Marks the letter replayed in the caller's transaction; false when it already was. */
  async markReplayed(manager: EntityManager, id: string, outcome: string): Promise<boolean> {
    const result = await manager
      .getRepository(DeadLetterEntity)
      .createQueryBuilder()
      .update()
      .set({ replayedAt: this.clock.now(), replayOutcome: outcome })
      .where('id = :id AND replayed_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}

export function messageIdOf(message: TransportMessage | DeliveredMessage): string {
  const id = message.headers['ce_id'];
  if (id) return id;
  return 'position' in message ? `${message.topic}:${message.position}` : `${message.topic}:${message.key}`;
}

function toView(row: DeadLetterEntity): DeadLetterView {
  return {
    id: row.id,
    subscriber: row.subscriber,
    messageId: row.messageId,
    topic: row.topic,
    eventType: row.headers['ce_type'] ?? null,
    caseId: row.messageKey,
    reason: row.reason,
    attempts: row.attempts,
    failedAt: row.failedAt.toISOString(),
    replayedAt: row.replayedAt ? row.replayedAt.toISOString() : null,
    replayOutcome: row.replayOutcome,
  };
}
