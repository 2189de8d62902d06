import { trace } from '@opentelemetry/api';
import { recordSpans } from './span-recording';
import { injectTraceContext } from './trace-context.propagation';
import { withSpan } from './with-span';

describe('recordSpans', () => {
  it('given spans ended while recording, when read, then their names, attributes, events and status are there; after stop, nothing is traced', async () => {
    const recording = recordSpans('observability-test');

    let headers: Record<string, string> = {};
    await withSpan('test', 'handle case', { 'case.id': 'c-1' }, (span) => {
      span.addEvent('checked', { outcome: 'allowed' });
      headers = injectTraceContext({});
    });
    await expect(
      withSpan('test', 'fail', {}, () => {
        throw new RangeError('out of range');
      }),
    ).rejects.toThrow(RangeError);
    await recording.stop();
    await recording.stop();

    expect(recording.spans()).toEqual([
      {
        name: 'handle case',
        attributes: { 'case.id': 'c-1' },
        events: [{ name: 'checked', attributes: { outcome: 'allowed' } }],
        links: [],
        status: { code: 0 },
      },
      expect.objectContaining({
        name: 'fail',
        attributes: { 'error.type': 'RangeError' },
        status: { code: 2, message: 'RangeError' },
      }),
    ]);
    expect(headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    await withSpan('test', 'after stop', {}, () => undefined);
    expect(recording.spans()).toHaveLength(2);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
