import { testKafkaBrokers } from './test-kafka-brokers';

describe('testKafkaBrokers', () => {
  it('reads KAFKA_BROKERS', () => {
    expect(testKafkaBrokers({ KAFKA_BROKERS: ' 10.0.0.1:9092, 10.0.0.2:9092 ,' })).toEqual([
      '10.0.0.1:9092',
      '10.0.0.2:9092',
    ]);
  });

  it('defaults to the local broker', () => {
    expect(testKafkaBrokers({})).toEqual(['127.0.0.1:9092']);
    expect(testKafkaBrokers({ KAFKA_BROKERS: ' ' })).toEqual(['127.0.0.1:9092']);
  });
});
