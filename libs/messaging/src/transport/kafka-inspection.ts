import { randomUUID } from 'node:crypto';
import { AssignerProtocol, Kafka, logLevel, type Admin, type IHeaders } from 'kafkajs';
import { withTimeout } from './async-timing';

/**
 * Looking at what a Kafka cluster holds, from outside the services: for tests and inspections
 * (what went over the wire, whether every consumer caught up). Kept here so that kafkajs stays
 * inside @reprisals/messaging.
 */

/** One record of a topic as the broker holds it: key, value and every header value, as text. */
export interface KafkaRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  /** A header repeated on the wire keeps every value, in order. */
  headers: Record<string, string[]>;
}

export interface KafkaInspectionOptions {
  brokers: string[];
  /** Topics (readKafkaTopics) or consumer groups (consumerProgress) whose name starts with it. */
  prefix: string;
  /** Default 20 s. */
  timeoutMs?: number;
}

/** A partition a consumer group has not committed to its end. */
export interface PartitionBehind {
  group: string;
  topic: string;
  partition: number;
  /** The next offset the group will read; null when it never committed on the partition. */
  committed: string | null;
  end: string;
}

export interface ConsumerProgress {
  /** Groups whose members are being (re)assigned partitions: their progress is not known yet. */
  rebalancing: string[];
  behind: PartitionBehind[];
}

const headerValues = (headers: IHeaders | undefined): Record<string, string[]> => {
  const values: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    values[name] = list.map((item) => item.toString());
  }
  return values;
};

const inspectionClient = (brokers: string[]): Kafka =>
  new Kafka({ clientId: `inspection-${randomUUID().slice(0, 8)}`, brokers, logLevel: logLevel.NOTHING });

async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every record of every topic whose name starts with `prefix`, from the start of each partition
 * to (at least) the end it had when the call started. Reads with a consumer group of its own,
 * named after the prefix and deleted afterwards; commits nothing.
 */
export async function readKafkaTopics(
  options: KafkaInspectionOptions,
): Promise<{ topics: string[]; records: KafkaRecord[] }> {
  const kafka = inspectionClient(options.brokers);
  return withAdmin(kafka, async (admin) => {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(options.prefix)).sort();
    // The last offset each partition holds now.
    const remaining = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) remaining.set(`${topic}|${partition}`, BigInt(high) - 1n);
      }
    }
    const records: KafkaRecord[] = [];
    if (remaining.size === 0) return { topics, records };

    const groupId = `${options.prefix}inspection-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
    let readToTheEnd!: () => void;
    const done = new Promise<void>((resolve) => (readToTheEnd = resolve));
    await consumer.connect();
    try {
      await consumer.subscribe({
        topics: topics.filter((topic) => [...remaining.keys()].some((key) => key.startsWith(`${topic}|`))),
        fromBeginning: true,
      });
      await consumer.run({
        autoCommit: false,
        eachMessage: ({ topic, partition, message }) => {
          records.push({
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? null,
            value: message.value?.toString('utf8') ?? null,
            headers: headerValues(message.headers),
          });
          const last = remaining.get(`${topic}|${partition}`);
          if (last !== undefined && BigInt(message.offset) >= last) remaining.delete(`${topic}|${partition}`);
          if (remaining.size === 0) readToTheEnd();
          return Promise.resolve();
        },
      });
      await withTimeout(done, options.timeoutMs ?? 20_000, `reading the topics of ${options.prefix}`);
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return { topics, records };
  });
}

/**
 * How far the consumer groups whose name starts with `prefix` are: the partitions assigned to
 * their members that they have not committed to the end. A group that started from the end of a
 * partition (fromBeginning false) after records were written there lists that partition until it
 * commits one offset on it.
 */
export async function consumerProgress(options: KafkaInspectionOptions): Promise<ConsumerProgress> {
  return withAdmin(inspectionClient(options.brokers), async (admin) => {
    const groupIds = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((groupId) => groupId.startsWith(options.prefix))
      .sort();
    const progress: ConsumerProgress = { rebalancing: [], behind: [] };
    if (groupIds.length === 0) return progress;
    const ends = new Map<string, Map<number, { low: string; high: string }>>();
    const endsOf = async (topic: string) => {
      let partitions = ends.get(topic);
      if (!partitions) {
        const offsets = await admin.fetchTopicOffsets(topic);
        partitions = new Map(offsets.map(({ partition, low, high }) => [partition, { low, high }]));
        ends.set(topic, partitions);
      }
      return partitions;
    };
    for (const group of (await admin.describeGroups(groupIds)).groups) {
      if (group.state === 'Empty' || group.state === 'Dead') continue;
      if (group.state !== 'Stable') {
        progress.rebalancing.push(group.groupId);
        continue;
      }
      const assigned = new Map<string, Set<number>>();
      for (const member of group.members) {
        const assignment =
          AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment ?? {};
        for (const [topic, partitions] of Object.entries(assignment)) {
          const set = assigned.get(topic) ?? new Set<number>();
          for (const partition of partitions) set.add(partition);
          assigned.set(topic, set);
        }
      }
      if (assigned.size === 0) continue;
      const committed = await admin.fetchOffsets({ groupId: group.groupId, topics: [...assigned.keys()] });
      for (const { topic, partitions } of committed) {
        const topicEnds = await endsOf(topic);
        for (const { partition, offset } of partitions) {
          const end = topicEnds.get(partition);
          if (!assigned.get(topic)?.has(partition) || !end) continue;
          const next = Number(offset) >= 0 ? BigInt(offset) : undefined;
          const behind = next === undefined ? BigInt(end.high) > BigInt(end.low) : next < BigInt(end.high);
          if (behind) {
            progress.behind.push({
              group: group.groupId,
              topic,
              partition,
              committed: next === undefined ? null : offset,
              end: end.high,
            });
          }
        }
      }
    }
    return progress;
  });
}

/**
 * The consumer groups whose name starts with `prefix`, each with the offsets it committed, as
 * `topic|partition` → the next offset it will read: to show a group was left where it was, or is gone.
 */
export async function committedOffsets(
  options: KafkaInspectionOptions,
): Promise<Record<string, Record<string, string>>> {
  return withAdmin(inspectionClient(options.brokers), async (admin) => {
    const groupIds = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((groupId) => groupId.startsWith(options.prefix))
      .sort();
    const offsets: Record<string, Record<string, string>> = {};
    for (const groupId of groupIds) {
      offsets[groupId] = {};
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId }))
        for (const { partition, offset } of partitions) offsets[groupId][`${topic}|${partition}`] = offset;
    }
    return offsets;
  });
}
