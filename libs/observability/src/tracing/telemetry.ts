import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { envDetector, hostDetector, osDetector, serviceInstanceIdDetector } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ContextOnlySpanProcessor } from './context-only.span-processor';
import { createInstrumentations } from './instrumentations';
import { loadTelemetryConfig } from './telemetry-config';

export interface TelemetryOptions {
  /** service.name of every span: a service name, or `reprisals-standalone` for the standalone host. */
  serviceName: string;
  /** Where to read OTEL_* settings from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface Telemetry {
  readonly serviceName: string;
  /** Flushes pending spans and unregisters tracing. Safe to call more than once. */
  shutdown(): Promise<void>;
}

const REGISTRY = Symbol.for('reprisals.observability.telemetry');

type Registry = { current?: Telemetry };

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= {});
}

/**
 * Starts OpenTelemetry tracing for this process: HTTP and PostgreSQL instrumentation,
 * W3C trace context, and an OTLP/HTTP exporter when OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (without it spans are still created, so trace ids reach logs and event headers).
 *
 * Call it once per process, before the instrumented modules (http, express, pg) load:
 * each main.ts imports a small `tracing.ts` that calls startTelemetry as its very first
 * import. Later calls return the running instance, whatever serviceName they pass.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const state = registry();
  if (state.current) return state.current;

  const config = loadTelemetryConfig(options.env ?? process.env);
  const instrumentations = createInstrumentations();
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resourceDetectors: [envDetector, hostDetector, osDetector, serviceInstanceIdDetector],
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations,
    ...(config.exportTraces
      ? { traceExporter: new OTLPTraceExporter() }
      : { spanProcessors: [new ContextOnlySpanProcessor()] }),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();

  let stopping: Promise<void> | undefined;
  const telemetry: Telemetry = {
    serviceName: options.serviceName,
    shutdown: () =>
      (stopping ??= sdk.shutdown().finally(() => {
        for (const instrumentation of instrumentations) instrumentation.disable();
        trace.disable();
        propagation.disable();
        context.disable();
        if (state.current === telemetry) state.current = undefined;
      })),
  };
  state.current = telemetry;
  return telemetry;
}
