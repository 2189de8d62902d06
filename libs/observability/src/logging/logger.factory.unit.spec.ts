import { createLogger } from './logger.factory';

function capture(env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const logger = createLogger('intake', { write: (line: string) => lines.push(line) }, env);
  return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}

describe('createLogger', () => {
  it('given a logged request, when written, then credentials, bodies and query values are left out', () => {
    const { logger, entries } = capture();

    logger.info(
      {
        req: {
          method: 'POST',
          url: '/intake/allegations?victim=Jane',
          headers: { authorization: 'Bearer eyJ.secret.sig', cookie: 'sid=1', accept: 'application/json' },
          body: { victimName: 'Jane Doe' },
        },
      },
      'request completed',
    );

    const [entry] = entries();
    expect(entry?.req).toEqual({
      method: 'POST',
      path: '/intake/allegations',
      headers: { accept: 'application/json' },
    });
    expect(JSON.stringify(entry)).not.toMatch(/eyJ|sid=1|Jane/);
  });

  it('given a service name, when a line is written, then it is JSON with the service, level label and time', () => {
    const { logger, entries } = capture();

    logger.info('started');

    expect(entries()[0]).toMatchObject({ service: 'intake', level: 'info', msg: 'started' });
    expect(entries()[0]?.time).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
  });

  it('given LOG_LEVEL=silent, when logging, then nothing is written', () => {
    const { logger, entries } = capture({ LOG_LEVEL: 'silent' });

    logger.error('failure');

    expect(entries()).toEqual([]);
  });

  it('given an unknown LOG_LEVEL, when creating the logger, then it fails naming the variable', () => {
    expect(() => capture({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL must be one of/);
  });

  it('given an error with driver details, when logged, then only class, message, code and stack are kept', () => {
    const { logger, entries } = capture();
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (email)=(jane@example.org) already exists.',
      parameters: ['jane@example.org'],
    });

    logger.error({ err: error }, 'insert failed');

    const [entry] = entries();
    expect(entry?.err).toMatchObject({ type: 'Error', code: '23505' });
    expect(JSON.stringify(entry)).not.toContain('jane@example.org');
  });
});
