import { abortableDelay, backoffDelayMs, type BackoffPolicy } from './async-timing';
import type {
  DeliveredMessage,
  EventTransport,
  MessageHandler,
  SubscriptionOptions,
  TransportHealth,
  TransportMessage,
} from './event-transport';
import { OrderedQueue } from './ordered-queue';
import { PublishFailedError } from './publish-failed.error';
import { TransportClosedError } from './transport-closed.error';
import { errorKind, stderrTransportLogger, type TransportLogger } from './transport-logger';

export interface InProcessTransportOptions {
  /** Retries of a rejecting handler within one publish (default 5, 50 ms doubling to 1 s). */
  handlerRetry?: Partial<BackoffPolicy> & { retries?: number };
  logger?: TransportLogger;
}

interface Member {
  topics: ReadonlySet<string>;
  handler: MessageHandler;
}

/** A consumer group: its members share the messages, one delivery at a time, in publish order. */
interface Group {
  name: string;
  members: Member[];
  queue: OrderedQueue;
}

/**
 * Standalone mode: every service in one process, messages handed straight to the subscribers.
 *
 * - publish delivers each message, in the order given, to every group subscribed to its topic and
 *   resolves once every handler resolved. Within a group, deliveries are serialised through a
 *   queue, so per-key order holds across concurrent publish calls (in call order).
 * - A rejecting handler is retried with backoff a bounded number of times; if it still rejects,
 *   publish rejects and the group's later deliveries queued behind it fail too (their order would
 *   break otherwise). The outbox relay keeps the rows and publishes them again later; consumers
 *   are idempotent through their inbox, so groups that already handled a message ignore it.
 * - Messages of a topic nobody subscribes to are dropped: the outbox row is the durable copy.
 * - There is no retained log, so `fromBeginning` has no meaning here: a subscription receives
 *   the messages published after it was made.
 * - Several subscriptions with the same group share its messages like Kafka consumers of one
 *   group: each message goes to one member, chosen by its key, so a key always goes to the same
 *   member while membership is unchanged.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;

  private readonly groups = new Map<string, Group>();
  private readonly positions = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly closing = new AbortController();
  private readonly retry: BackoffPolicy & { retries: number };
  private readonly logger: TransportLogger;
  private closed?: Promise<void>;

  constructor(options: InProcessTransportOptions = {}) {
    this.retry = {
      retries: options.handlerRetry?.retries ?? 5,
      initialDelayMs: options.handlerRetry?.initialDelayMs ?? 50,
      maxDelayMs: options.handlerRetry?.maxDelayMs ?? 1_000,
    };
    this.logger = options.logger ?? stderrTransportLogger;
  }

  publish(messages: TransportMessage[]): Promise<void> {
    if (this.closed) return Promise.reject(new TransportClosedError(this.kind));
    const delivered = messages.map((message) => this.stamp(message));
    const deliveries: Promise<void>[] = [];
    for (const group of this.groups.values()) {
      const mine = delivered.filter((message) =>
        group.members.some((member) => member.topics.has(message.topic)),
      );
      if (mine.length > 0) deliveries.push(group.queue.run(() => this.deliverAll(group, mine)));
    }
    return this.track(Promise.all(deliveries).then(() => undefined));
  }

  subscribe(options: SubscriptionOptions): Promise<void> {
    if (this.closed) return Promise.reject(new TransportClosedError(this.kind));
    if (options.topics.length === 0) return Promise.reject(new Error('subscribe needs at least one topic'));
    let group = this.groups.get(options.group);
    if (!group) {
      group = { name: options.group, members: [], queue: new OrderedQueue() };
      this.groups.set(options.group, group);
    }
    group.members.push({ topics: new Set(options.topics), handler: options.handler });
    return Promise.resolve();
  }

  /** Nothing to create: topics exist as soon as someone publishes or subscribes. */
  ensureTopics(): Promise<void> {
    if (this.closed) return Promise.reject(new TransportClosedError(this.kind));
    return Promise.resolve();
  }

  health(): Promise<TransportHealth> {
    return Promise.resolve(this.closed ? { up: false, detail: 'closed' } : { up: true });
  }

  /** Stops taking messages, cuts retry waits short and waits for the deliveries in flight. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing.abort();
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    })();
    return this.closed;
  }

  private stamp(message: TransportMessage): DeliveredMessage {
    const position = this.positions.get(message.topic) ?? 0;
    this.positions.set(message.topic, position + 1);
    return {
      topic: message.topic,
      key: message.key,
      headers: { ...message.headers },
      value: message.value,
      position: `0:${position}`,
    };
  }

  private async deliverAll(group: Group, messages: DeliveredMessage[]): Promise<void> {
    for (const message of messages) {
      const candidates = group.members.filter((member) => member.topics.has(message.topic));
      const member = candidates[keyHash(message.key) % candidates.length];
      if (member) await this.deliver(group, member, message);
    }
  }

  private async deliver(group: Group, member: Member, message: DeliveredMessage): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.closing.signal.aborted) throw new TransportClosedError(this.kind);
      try {
        // Each delivery gets its own copy: a handler cannot alter what another one sees.
        await member.handler({ ...message, headers: { ...message.headers } });
        return;
      } catch (error) {
        if (attempt >= this.retry.retries) {
          throw new PublishFailedError(
            `group ${group.name} rejected a message of ${message.topic} ${attempt + 1} times`,
            {
              cause: error,
            },
          );
        }
        const retryInMs = backoffDelayMs(attempt + 1, this.retry);
        this.logger.warn(
          {
            transport: this.kind,
            group: group.name,
            topic: message.topic,
            position: message.position,
            attempt: attempt + 1,
            retryInMs,
            ...errorKind(error),
          },
          'handler rejected a message; delivering it again after a backoff',
        );
        await abortableDelay(retryInMs, this.closing.signal);
      }
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = (): void => {
      this.inFlight.delete(work);
    };
    work.then(forget, forget);
    return work;
  }
}

/** A small stable string hash (FNV-1a), to spread keys over the members of a group. */
const keyHash = (key: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};
