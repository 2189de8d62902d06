import { KafkaTransport, NamespacedTransport } from '@reprisals/messaging';
import { IntakeModule } from '@reprisals/intake';
import { ReportingModule } from '@reprisals/reporting';
import { StateCommunicationModule } from '@reprisals/state-communication';
import { VerificationModule } from '@reprisals/verification';
import type { ServiceModuleFactory } from '@reprisals/service-platform';
import { createTestDatabase, testKafkaBrokers, uniqueId, type TestDatabase } from '@reprisals/testing';
import { describeShareRevocation } from './share-revocation.contract';
import { describeProtocolAcrossServices } from './verification-protocol.contract';
import { startProcess, type RunningProcess } from './system.fixture';
import { describeWalkingSkeleton } from './walking-skeleton.contract';

const SERVICES: Record<
  'intake' | 'verification' | 'state-communication' | 'reporting',
  ServiceModuleFactory
> = {
  intake: (options) => IntakeModule.register(options),
  verification: (options) => VerificationModule.register(options),
  'state-communication': (options) => StateCommunicationModule.register(options),
  reporting: (options) => ReportingModule.register(options),
};

describe('distributed mode: each service its own application, Kafka between them', () => {
  let database: TestDatabase;
  const running = new Map<string, RunningProcess>();

  beforeAll(async () => {
    database = await createTestDatabase('distributed');
    const namespace = uniqueId('e2e');
    for (const [name, register] of Object.entries(SERVICES)) {
      running.set(
        name,
        await startProcess({
          processName: name,
          services: [register],
          databaseUrl: database.url,
          transport: new NamespacedTransport(
            new KafkaTransport({ brokers: testKafkaBrokers(), clientId: `${namespace}-${name}` }),
            namespace,
          ),
        }),
      );
    }
  });

  afterAll(async () => {
    for (const process of running.values()) await process.app.close();
    await database?.drop();
  });

  describeWalkingSkeleton('distributed over Kafka', () => ({
    urlOf: (service) => running.get(service)!.baseUrl,
    databaseUrl: database.url,
    deliveryTimeoutMs: 30_000,
  }));

  describeShareRevocation('distributed over Kafka', () => ({
    urlOf: (service) => running.get(service)!.baseUrl,
    deliveryTimeoutMs: 30_000,
  }));

  describeProtocolAcrossServices('distributed over Kafka', () => ({
    urlOf: (service) => running.get(service)!.baseUrl,
    databaseUrl: database.url,
    deliveryTimeoutMs: 30_000,
  }));
});
