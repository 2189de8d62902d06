import type { z } from 'zod';
import type { EventMetadata } from './event-metadata';
import type { ServiceName } from './service-name';
import type { Topic } from './topics';

/** A public fact one service tells the others, in the past tense. */
export interface IntegrationEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/** A change of shape from one schema version to the next, applied when an older event is read. */
export interface Upcaster {
  fromVersion: number;
  upcast(data: unknown): unknown;
}

/**
 * The contract of one event type: its name in the domain, its name on the wire
 * (CloudEvents `type`, never a class name), the current schema and how older
 * versions are brought up to it.
 */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly wireType: string;
  readonly version: number;
  readonly producer: ServiceName;
  readonly topic: Topic;
  readonly schema: TSchema;
  readonly description: string;
  readonly upcasters: readonly Upcaster[];
}

export type EventOf<TDef> =
  TDef extends EventDefinition<infer TType, infer TSchema>
    ? IntegrationEvent<TType, z.infer<TSchema>>
    : never;

export type DataOf<TDef> = TDef extends EventDefinition<string, infer TSchema> ? z.infer<TSchema> : never;

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  definition: Omit<EventDefinition<TType, TSchema>, 'upcasters'> & { upcasters?: Upcaster[] },
): EventDefinition<TType, TSchema> {
  const upcasters = [...(definition.upcasters ?? [])].sort((a, b) => a.fromVersion - b.fromVersion);
  return Object.freeze({ ...definition, upcasters });
}
