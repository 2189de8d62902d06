import { isSpanContextValid, trace } from '@opentelemetry/api';

/** A pino mixin: the trace and span ids of the active span, on every log line. */
export function traceContextMixin(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
