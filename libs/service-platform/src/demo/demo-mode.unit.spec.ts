import { InProcessTransport } from '@reprisals/messaging';
import { createServicesApplication } from '../hosting/create-services-application';
import { runDistributedService } from '../hosting/run-distributed-service';
import { demoModeOf, DemoModeRefused, refuseDemoModeWhenDistributed } from './demo-mode';

/** Runs `work` with these variables set (undefined: unset), then puts the environment back. */
async function withEnvironment<T>(
  variables: Record<string, string | undefined>,
  work: () => Promise<T>,
): Promise<T> {
  const before = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  };
  apply(variables);
  try {
    return await work();
  } finally {
    apply(before);
  }
}

describe('demo mode', () => {
  it('is off unless DEMO_MODE=true, and refused in production', () => {
    expect(demoModeOf({})).toBe(false);
    expect(demoModeOf({ DEMO_MODE: 'false', NODE_ENV: 'production' })).toBe(false);
    expect(demoModeOf({ DEMO_MODE: 'true', NODE_ENV: 'development' })).toBe(true);
    expect(() => demoModeOf({ DEMO_MODE: 'true', NODE_ENV: 'production' })).toThrow(DemoModeRefused);
    expect(() => demoModeOf({ DEMO_MODE: 'yes' })).toThrow(/DEMO_MODE: must be true or false/);
  });

  it('is refused with SMTP_URL, since the letters of a demonstration go to files only, and says what to do', () => {
    expect(() => demoModeOf({ DEMO_MODE: 'true', SMTP_URL: 'smtp://mail.example.org:587' })).toThrow(
      /SMTP_URL is refused in demo mode: .*\.eml files in DISPATCH_DIR only.*unset SMTP_URL/,
    );
    expect(demoModeOf({ DEMO_MODE: 'true', SMTP_URL: '  ' })).toBe(true);
    // Outside demo mode SMTP_URL is the way letters leave.
    expect(demoModeOf({ SMTP_URL: 'smtp://mail.example.org:587' })).toBe(false);
  });

  it('asked for by the host process is refused as DEMO_MODE=true is', () => {
    expect(demoModeOf({ NODE_ENV: 'development' }, true)).toBe(true);
    expect(() => demoModeOf({ NODE_ENV: 'production' }, true)).toThrow(DemoModeRefused);
    expect(() => demoModeOf({ SMTP_URL: 'smtp://mail.example.org' }, true)).toThrow(DemoModeRefused);
    expect(demoModeOf({ DEMO_MODE: 'true' }, false)).toBe(false);
  });

  it('stops createServicesApplication({ demoMode: true }) in production before it reaches the database', async () => {
    // Production's own settings given, so that only demo mode can stop the start.
    const production = {
      NODE_ENV: 'production',
      SMTP_URL: undefined,
      JWT_SECRET: 'a-production-secret-of-32-bytes!!',
    };
    await withEnvironment(production, () =>
      expect(
        createServicesApplication({
          processName: 'standalone',
          services: [],
          databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
          transport: new InProcessTransport(),
          demoMode: true,
        }),
      ).rejects.toThrow(/DEMO_MODE=true is refused when NODE_ENV=production/),
    );
  });

  it('is standalone only: a distributed service refuses it before anything starts, saying so', async () => {
    expect(() => refuseDemoModeWhenDistributed({ DEMO_MODE: 'true' })).toThrow(
      /refused in distributed mode: demo mode is standalone only.*DEMO_MODE=true npm start/,
    );
    expect(() => refuseDemoModeWhenDistributed({ DEMO_MODE: 'false' })).not.toThrow();
    expect(() => refuseDemoModeWhenDistributed({})).not.toThrow();
    await withEnvironment({ DEMO_MODE: 'true', DATABASE_URL: undefined }, () =>
      expect(
        runDistributedService({ name: 'intake', defaultPort: 0, register: () => ({ module: class {} }) }),
      ).rejects.toThrow(/demo mode is standalone only/),
    );
  });
});
