import { DeadLetterEntity } from './dead-letters/dead-letter.entity';
import { InboxRecordEntity } from './inbox/inbox-record.entity';
import { CreateMessagingTables1767225600000 } from './migrations/1767225600000-create-messaging-tables.migration';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';

/** Add to every service's data source: each service keeps its own outbox, inbox and dead letters. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, InboxRecordEntity, DeadLetterEntity];
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1767225600000];
