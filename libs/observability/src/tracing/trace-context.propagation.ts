import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Context,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** W3C trace context only (traceparent, tracestate): never baggage, which could carry anything. */
const propagator = new W3CTraceContextPropagator();

/** Writes the active (or given) trace context into message headers as traceparent/tracestate. */
export function injectTraceContext(
  carrier: Record<string, string>,
  from: Context = context.active(),
): Record<string, string> {
  propagator.inject(from, carrier, defaultTextMapSetter);
  return carrier;
}

/**
 * The trace context carried by message headers, to continue the trace on consume:
 * `context.with(extractTraceContext(headers), () => ...)`.
 */
export function extractTraceContext(
  carrier: Readonly<Record<string, string | string[] | undefined>>,
  into: Context = ROOT_CONTEXT,
): Context {
  return propagator.extract(into, carrier, defaultTextMapGetter);
}
