import { trace } from '@opentelemetry/api';
import { createLogger } from '../logging/logger.factory';
import { startTelemetry, type Telemetry } from './telemetry';
import { withSpan } from './with-span';

interface RecordedSpan {
  status: { code: number; message?: string };
  events: { name: string; attributes?: Record<string, unknown> }[];
  attributes: Record<string, unknown>;
  ended: boolean;
}

describe('startTelemetry without an OTLP endpoint', () => {
  let telemetry: Telemetry;

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'observability-test', env: {} });
  });

  afterAll(async () => {
    await telemetry.shutdown();
  });

  it('given it is already running, when started again, then the running instance is returned', () => {
    expect(startTelemetry({ serviceName: 'another-name', env: {} })).toBe(telemetry);
    expect(telemetry.serviceName).toBe('observability-test');
  });

  it('given an active span, when a line is logged, then it carries the span trace and span ids', async () => {
    const lines: string[] = [];
    const logger = createLogger('observability-test', { write: (line: string) => lines.push(line) }, {});

    const ids = await withSpan('test', 'handle allegation', { 'case.id': 'c-1' }, (span) => {
      logger.info('inside');
      return span.spanContext();
    });
    logger.info('outside');

    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(inside).toMatchObject({ msg: 'inside', trace_id: ids.traceId, span_id: ids.spanId });
    expect(outside).not.toHaveProperty('trace_id');
  });

  it('given fn fails, when run in a span, then the span records the error class only and the error is rethrown', async () => {
    class ConsentMissingError extends Error {}
    let recorded: RecordedSpan | undefined;

    const run = withSpan('test', 'decide', {}, (span) => {
      recorded = span as unknown as RecordedSpan;
      throw new ConsentMissingError('Jane Doe gave no consent');
    });

    await expect(run).rejects.toThrow(ConsentMissingError);
    expect(recorded?.ended).toBe(true);
    expect(recorded?.status).toEqual({ code: 2, message: 'ConsentMissingError' });
    expect(JSON.stringify(recorded?.events)).not.toContain('Jane Doe');
    expect(recorded?.events[0]?.attributes).toEqual({ 'exception.type': 'ConsentMissingError' });
  });

  it('given fn succeeds, when run in a span, then its value is returned and the span ended', async () => {
    let active: string | undefined;

    const value = await withSpan('test', 'compute', {}, async () => {
      active = trace.getActiveSpan()?.spanContext().spanId;
      return 42;
    });

    expect(value).toBe(42);
    expect(active).toMatch(/^[0-9a-f]{16}$/);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
