export const DEFAULT_TEST_KAFKA_BROKERS = ['127.0.0.1:9092'];

/** The broker list tests connect to: KAFKA_BROKERS (comma-separated) or 127.0.0.1:9092. */
export function testKafkaBrokers(env: NodeJS.ProcessEnv = process.env): string[] {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return brokers.length > 0 ? brokers : [...DEFAULT_TEST_KAFKA_BROKERS];
}
