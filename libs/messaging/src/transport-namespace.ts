import type {
  EventTransport,
  SubscriptionOptions,
  TransportHealth,
  TransportMessage,
} from './transport/event-transport';

/**
 * Prefixes every topic and consumer group with a namespace, so that several deployments
 * (or test runs) can share one broker without reading each other's events. The services
 * keep using the contract's topic names.
 */
export class NamespacedTransport implements EventTransport {
  readonly kind: EventTransport['kind'];

  constructor(
    private readonly inner: EventTransport,
    private readonly namespace: string,
  ) {
    if (!/^[a-zA-Z0-9._-]+$/.test(namespace))
      throw new Error('A namespace holds letters, digits, dot, dash, underscore');
    this.kind = inner.kind;
  }

  publish(messages: TransportMessage[]): Promise<void> {
    return this.inner.publish(
      messages.map((message) => ({ ...message, topic: this.outward(message.topic) })),
    );
  }

  subscribe(options: SubscriptionOptions): Promise<void> {
    return this.inner.subscribe({
      ...options,
      group: this.outward(options.group),
      topics: options.topics.map((topic) => this.outward(topic)),
      handler: (message) => options.handler({ ...message, topic: this.inward(message.topic) }),
    });
  }

  ensureTopics(topics: string[]): Promise<void> {
    return this.inner.ensureTopics(topics.map((topic) => this.outward(topic)));
  }

  health(): Promise<TransportHealth> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private outward(name: string): string {
    return `${this.namespace}.${name}`;
  }

  private inward(name: string): string {
    const prefix = `${this.namespace}.`;
    return name.startsWith(prefix) ? name.slice(prefix.length) : name;
  }
}
