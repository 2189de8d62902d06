import { InProcessTransport } from '@reprisals/messaging';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { ALL_SERVICES } from '../src/all-services';
import { startProcess, type RunningProcess } from './system.fixture';
import { describeWalkingSkeleton } from './walking-skeleton.contract';

describe('standalone mode: four services in one process, in-process delivery', () => {
  let database: TestDatabase;
  let running: RunningProcess;

  beforeAll(async () => {
    database = await createTestDatabase('standalone');
    running = await startProcess({
      processName: 'standalone',
      services: ALL_SERVICES,
      databaseUrl: database.url,
      transport: new InProcessTransport(),
    });
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
  });

  describeWalkingSkeleton('standalone', () => ({
    urlOf: () => running.baseUrl,
    databaseUrl: database.url,
    deliveryTimeoutMs: 5_000,
  }));
});
