import type { IncomingMessage } from 'node:http';
import type { Attributes } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { isHealthCheck } from '../health-check';

/**
 * HTTP and PostgreSQL instrumentation, configured to keep personal data out of spans:
 * no SQL parameter values, no query-string values, no client addresses.
 */
export function createInstrumentations(): [HttpInstrumentation, PgInstrumentation] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => isHealthCheck(request.url),
      startIncomingSpanHook: withoutPersonalData,
    }),
    new PgInstrumentation({
      enhancedDatabaseReporting: false,
      addSqlCommenterCommentToQueries: false,
      // Pollers (the outbox relay) would otherwise open a root span for every query.
      requireParentSpan: true,
    }),
  ];
}

/** Overrides the attributes of a server span that can identify a person. */
function withoutPersonalData(request: IncomingMessage): Attributes {
  const attributes: Attributes = { 'client.address': 'redacted', 'network.peer.address': 'redacted' };
  const queryStart = request.url?.indexOf('?') ?? -1;
  if (request.url && queryStart >= 0) {
    const names = [...new URLSearchParams(request.url.slice(queryStart + 1)).keys()];
    attributes['url.query'] = names.map((name) => `${name}=REDACTED`).join('&');
  }
  return attributes;
}
