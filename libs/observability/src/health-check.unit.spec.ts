import { isHealthCheck } from './health-check';

describe('isHealthCheck', () => {
  it.each(['/health', '/health/ready', '/intake/health', '/reporting/health/live?x=1'])(
    'recognises %s',
    (url) => {
      expect(isHealthCheck(url)).toBe(true);
    },
  );

  it.each(['/intake/allegations', '/healthy', '/intake/health-records/1', undefined])('ignores %s', (url) => {
    expect(isHealthCheck(url)).toBe(false);
  });
});
