import { logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-logger.adapter';
import { recordingLogger } from './transport.test-support';

describe('kafkaLogCreator', () => {
  const entry = (level: logLevel, namespace: string, log: Record<string, unknown>) => ({
    namespace,
    level,
    label: logLevel[level],
    log: { timestamp: '2026-01-01T00:00:00.000Z', message: 'message', ...log },
  });

  it('keeps warnings and errors only, with an allow-list of fields and no stack or payload', () => {
    const logger = recordingLogger();
    const log = kafkaLogCreator(logger)(logLevel.WARN);

    log(entry(logLevel.INFO, 'Consumer', { message: 'Starting' }));
    log(entry(logLevel.DEBUG, 'Connection', { message: 'Request Fetch' }));
    log(
      entry(logLevel.ERROR, 'Consumer', {
        message: 'Crash: KafkaJSNumberOfRetriesExceeded',
        groupId: 'verification',
        retryCount: 5,
        stack: 'Error: at somewhere',
        payload: { value: 'Jane Doe, +41 22 917 9000' },
        error: new Error('Connection error'),
      }),
    );

    expect(logger.entries).toEqual([
      {
        level: 'error',
        message: 'Crash: KafkaJSNumberOfRetriesExceeded',
        fields: {
          component: 'kafkajs',
          namespace: 'Consumer',
          groupId: 'verification',
          retryCount: 5,
          error: 'Error: Connection error',
        },
      },
    ]);
  });

  it('turns retried connection errors into warnings and drops the expected idempotence warning', () => {
    const logger = recordingLogger();
    const log = kafkaLogCreator(logger)(logLevel.WARN);

    log(
      entry(logLevel.ERROR, 'Connection', {
        message: 'Connection error: connect ECONNREFUSED',
        broker: '127.0.0.1:9092',
      }),
    );
    log(
      entry(logLevel.WARN, 'Producer', {
        message: 'Limiting retries for the idempotent producer may invalidate EoS guarantees',
      }),
    );

    expect(logger.entries.map(({ level, message }) => [level, message])).toEqual([
      ['warn', 'Connection error: connect ECONNREFUSED'],
    ]);
  });
});
