import type { DataSource } from 'typeorm';
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

  async record(input: {
    subscriber: string;
    message: DeliveredMessage | TransportMessage;
    reason: string;
    attempts: number;
  }): Promise<DeadLetterEntity> {
    const messageId = messageIdOf(input.message);
    const repository = this.dataSource.getRepository(DeadLetterEntity);
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
    return repository.findOneByOrFail({ subscriber: input.subscriber, messageId });
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

  async markReplayed(id: string, outcome: string): Promise<void> {
    await this.dataSource
      .getRepository(DeadLetterEntity)
      .update({ id }, { replayedAt: this.clock.now(), replayOutcome: outcome });
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
