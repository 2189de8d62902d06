/** CloudEvents extension attributes carried by every event (lower-case, at most 20 characters). */
export const EXTENSIONS = {
  schemaVersion: 'schemaversion',
  correlationId: 'correlationid',
  causationId: 'causationid',
  actorKind: 'actorkind',
  actorSub: 'actorsub',
  actorEntity: 'actorentity',
  actorRole: 'actorrole',
  actorService: 'actorservice',
  policyVersion: 'policyversion',
} as const;

/** Kafka header holding the CloudEvents `type`: read first to route a message without decoding it. */
export const CE_TYPE_HEADER = 'ce_type';
export const CE_ID_HEADER = 'ce_id';
export const CE_SUBJECT_HEADER = 'ce_subject';

/** W3C trace context travels in plain headers, as OpenTelemetry's Kafka conventions expect. */
export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

export const EVENT_SOURCE_PREFIX = '/reprisals/';
