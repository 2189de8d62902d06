import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';

type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];

/**
 * Exports nothing. Registered when no OTLP endpoint is configured so that spans are
 * still created and propagated: trace ids then appear in logs and in event headers.
 */
export class ContextOnlySpanProcessor implements SpanProcessor {
  onStart(): void {}

  onEnd(): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
