import { DemoCallFailed, DemoClient, DemoStepFailed } from './demo-client';
import { describeFailure } from './demo-failure';
import { DemoRefused } from './fill-demo';

const WRITTEN = 'Victim One was questioned at the airport';

describe('what the demonstration says of a failure', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('given an answer labelled JSON that is not JSON, fails naming the route and the status, never quoting the body', async () => {
    globalThis.fetch = async () =>
      new Response(`{"summary": "${WRITTEN}"`, {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    const client = new DemoClient('http://127.0.0.1:1');
    const failure = await client
      .send(undefined, 'GET', '/intake/allegations/0b9a3c9e-5a55-4c4e-9f57-2a3c1d1e7a10')
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(DemoCallFailed);
    const message = (failure as Error).message;
    expect(message).toBe(
      'GET /intake/allegations/:id answered 200 (a body labelled JSON is not JSON), when the demonstration expected success',
    );
    expect(describeFailure(failure)).toEqual({ line: `demo: failed: ${message}`, exitCode: 1 });
  });

  it('prints the message of its own errors, and of any other error only its kind and where it was raised', () => {
    expect(describeFailure(new DemoRefused('not in demo mode'))).toEqual({
      line: 'demo: not in demo mode',
      exitCode: 2,
    });
    expect(describeFailure(new DemoStepFailed('case 7 was not received'))).toEqual({
      line: 'demo: failed: case 7 was not received',
      exitCode: 1,
    });
    let parserError: unknown;
    try {
      JSON.parse(`{"summary": "${WRITTEN}\n    at somewhere`);
    } catch (error) {
      parserError = error;
    }
    const described = describeFailure(parserError);
    expect(described.exitCode).toBe(1);
    expect(described.line).toMatch(/^demo: failed: unexpected SyntaxError at .* \(its message is not shown/);
    expect(described.line).not.toContain('Victim');
    expect(described.line).not.toContain('somewhere');
    expect(describeFailure('thrown text')).toEqual({ line: 'demo: failed: unexpected failure', exitCode: 1 });
  });
});
