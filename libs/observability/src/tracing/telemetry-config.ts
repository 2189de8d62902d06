import { z } from 'zod';

export interface TelemetryConfig {
  /** True when an OTLP endpoint is configured: spans are then exported over OTLP/HTTP. */
  exportTraces: boolean;
}

export class TelemetryConfigurationError extends Error {
  override readonly name = 'TelemetryConfigurationError';
}

const unsetWhenEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const OptionalUrl = z.preprocess(unsetWhenEmpty, z.url({ error: 'must be a URL' }).optional());

const TelemetryEnvSchema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: OptionalUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: OptionalUrl,
});

export function loadTelemetryConfig(env: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  const result = TelemetryEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.')}: ${issue.message}`,
    );
    throw new TelemetryConfigurationError(`Telemetry configuration is not valid: ${problems.join('; ')}`);
  }
  const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT } = result.data;
  return { exportTraces: Boolean(OTEL_EXPORTER_OTLP_ENDPOINT ?? OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) };
}
