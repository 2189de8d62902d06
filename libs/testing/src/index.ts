/**
 * @reprisals/testing: what every integration test uses to reach the real infrastructure.
 *
 * - createTestDatabase(): a fresh database per test file on the server of DATABASE_URL
 *   (default postgres://postgres@127.0.0.1:5432/postgres); drop() it in afterAll.
 * - testKafkaBrokers(): the broker `npm test` provides (KAFKA_BROKERS, default 127.0.0.1:9092).
 * - uniqueId(): names for topics, consumer groups and schemas that no other run uses.
 * - eventually() / eventuallyExpect(): wait for asynchronous effects by polling with a deadline,
 *   never by sleeping a fixed time.
 *
 * `npm test` (src/cli/run-tests.ts) starts a Kafka broker when none is given and runs Jest.
 */
export {
  createTestDatabase,
  DEFAULT_TEST_DATABASE_URL,
  testDatabaseServerUrl,
  type TestDatabase,
} from './database/test-database.factory';
export { DEFAULT_TEST_KAFKA_BROKERS, testKafkaBrokers } from './kafka/test-kafka-brokers';
export { eventually, eventuallyExpect, type EventuallyOptions } from './polling/eventually';
export { uniqueId } from './naming/unique-id';
export { undescribedProperties, type DescribedSchema } from './openapi/undescribed-properties';
export { SeededRandom } from './random/seeded-random';
export { wellFormednessProblems } from './markup/well-formedness';
