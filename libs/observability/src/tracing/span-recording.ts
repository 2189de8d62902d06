import { context, propagation, trace, type Attributes } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';

type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];
type EndedSpan = Parameters<SpanProcessor['onEnd']>[0];

/** What an ended span says: every place a value could be written to. */
export interface RecordedSpan {
  name: string;
  attributes: Attributes;
  events: { name: string; attributes?: Attributes }[];
  links: { attributes?: Attributes }[];
  status: { code: number; message?: string };
}

export interface SpanRecording {
  /** The spans ended so far, oldest first. */
  spans(): RecordedSpan[];
  /** Unregisters tracing (tracer provider, propagator, context manager). Safe to call more than once. */
  stop(): Promise<void>;
}

class RecordingSpanProcessor implements SpanProcessor {
  readonly recorded: RecordedSpan[] = [];

  onStart(): void {}

  onEnd(span: EndedSpan): void {
    this.recorded.push({
      name: span.name,
      attributes: { ...span.attributes },
      events: span.events.map((event) => ({
        name: event.name,
        ...(event.attributes ? { attributes: { ...event.attributes } } : {}),
      })),
      links: span.links.map((link) => (link.attributes ? { attributes: { ...link.attributes } } : {})),
      status: { ...span.status },
    });
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * For tests: tracing as startTelemetry sets it up (tracer provider, W3C propagation, async
 * context), every ended span kept in memory instead of exported. Registered with the
 * OpenTelemetry API of the calling context (under Jest, the test file's own), and unregistered
 * by stop(). Not with startTelemetry running in the same process (the first registration wins).
 *
 * Records the spans the code creates through the API (message consumers, withSpan). The HTTP and
 * PostgreSQL instrumentations are left out: they patch modules as Node's loader loads them, which
 * does not happen for modules a test runner loads itself.
 */
export function recordSpans(serviceName = 'span-recording'): SpanRecording {
  const processor = new RecordingSpanProcessor();
  const sdk = new NodeSDK({
    serviceName,
    autoDetectResources: false,
    resourceDetectors: [],
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations: [],
    spanProcessors: [processor],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  let stopping: Promise<void> | undefined;
  return {
    spans: () => [...processor.recorded],
    stop: () =>
      (stopping ??= sdk.shutdown().finally(() => {
        trace.disable();
        propagation.disable();
        context.disable();
      })),
  };
}
