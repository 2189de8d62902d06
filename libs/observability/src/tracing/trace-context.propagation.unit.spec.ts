import { trace } from '@opentelemetry/api';
import { extractTraceContext, injectTraceContext } from './trace-context.propagation';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace context in message headers', () => {
  it('given headers with a traceparent, when extracted and injected again, then the same traceparent and tracestate come out', () => {
    const extracted = extractTraceContext({ traceparent, tracestate: 'un=1', 'ce-id': 'e-1' });

    const headers = injectTraceContext({}, extracted);

    expect(headers).toEqual({ traceparent, tracestate: 'un=1' });
    expect(trace.getSpanContext(extracted)).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      isRemote: true,
    });
  });

  it('given headers without trace context, when extracted, then no span context is continued', () => {
    expect(trace.getSpanContext(extractTraceContext({ 'ce-id': 'e-1' }))).toBeUndefined();
  });

  it('given no active span, when injected, then the headers are left as they were', () => {
    expect(injectTraceContext({ 'ce-type': 'x' })).toEqual({ 'ce-type': 'x' });
  });
});
