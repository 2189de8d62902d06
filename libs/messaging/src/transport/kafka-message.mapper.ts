import type { IHeaders, KafkaMessage, Message, TopicMessages } from 'kafkajs';
import type { DeliveredMessage, TransportMessage } from './event-transport';

/** Groups messages by topic for one sendBatch, keeping their order within each topic. */
export const toTopicMessages = (messages: readonly TransportMessage[]): TopicMessages[] => {
  const byTopic = new Map<string, Message[]>();
  for (const message of messages) {
    let list = byTopic.get(message.topic);
    if (!list) {
      list = [];
      byTopic.set(message.topic, list);
    }
    list.push({ key: message.key, value: message.value, headers: { ...message.headers } });
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
};

const headerText = (value: IHeaders[string]): string | undefined => {
  // A header repeated on the wire arrives as an array: the last one wins, as in the Java client.
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined ? undefined : last.toString();
};

export const toDeliveredMessage = (
  topic: string,
  partition: number,
  message: KafkaMessage,
): DeliveredMessage => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  return {
    topic,
    key: message.key?.toString('utf8') ?? '',
    headers,
    value: message.value?.toString('utf8') ?? '',
    position: `${partition}:${message.offset}`,
  };
};

/** The offset to commit once `offset` was handled: the next one to read. */
export const nextOffset = (offset: string): string => (BigInt(offset) + 1n).toString();
