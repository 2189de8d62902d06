import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs the launcher as `npm run start:distributed` does, with `env` over this process's. */
function launch(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join('infra', 'distributed', 'start-distributed.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('npm run start:distributed', () => {
  it('refuses DEMO_MODE=true before the broker, the database or any service, saying demo mode is standalone only', async () => {
    // Nothing answers at these addresses: a launcher that went on would fail on them instead.
    const { code, stderr } = await launch({
      DEMO_MODE: 'true',
      KAFKA_BROKERS: '127.0.0.1:1',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /distributed: failed: DEMO_MODE=true is refused in distributed mode: demo mode is standalone only/,
    );
    expect(stderr).not.toMatch(/preparing the database/);
  });
});
