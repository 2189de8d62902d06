export { startTelemetry, type Telemetry, type TelemetryOptions } from './tracing/telemetry';
export { TelemetryConfigurationError } from './tracing/telemetry-config';
export { withSpan, errorClassName } from './tracing/with-span';
export { recordSpans, type RecordedSpan, type SpanRecording } from './tracing/span-recording';
export { extractTraceContext, injectTraceContext } from './tracing/trace-context.propagation';

export { createLoggerOptions, REDACTED_PATHS } from './logging/logger-options';
export { createLoggerModuleOptions, REQUEST_ID_HEADER } from './logging/logger-module.options';
export { createLogger } from './logging/logger.factory';
export { traceContextMixin } from './logging/trace-context.mixin';
export { LogConfigurationError, logLevelFrom } from './logging/log-level';
export { isHealthCheck } from './health-check';
