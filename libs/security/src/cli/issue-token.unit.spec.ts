import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { JwtTokenVerifier } from '../token/jwt-token.verifier';
import { loadSecurityConfig } from '../token/security-config';

const repositoryRoot = resolve(__dirname, '../../../..');
const cli = resolve(__dirname, 'issue-token.ts');
const workspaceNode = resolve(repositoryRoot, 'node_modules/.bin/node');
const node = existsSync(workspaceNode) ? workspaceNode : process.execPath;
const env = { JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256', JWT_AUDIENCE: 'reprisals-cli-test' };

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  const child = spawn(node, ['-r', '@swc-node/register', cli, ...args], {
    cwd: repositoryRoot,
    env: { ...inherited, ...env, SWC_NODE_PROJECT: resolve(repositoryRoot, 'tsconfig.base.json') },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

describe('npm run token (issue-token CLI)', () => {
  it('given roles and an entity, when run, then stdout is exactly one JWT that the verifier accepts', async () => {
    const result = await run([
      '--role',
      'intake-officer,supervisor',
      '--role',
      'auditor',
      '--entity',
      'OHCHR',
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const actor = await new JwtTokenVerifier(loadSecurityConfig(env)).verify(result.stdout.trim());
    expect(actor).toEqual({
      sub: 'dev-intake-officer-ohchr',
      entity: 'OHCHR',
      roles: ['intake-officer', 'supervisor', 'auditor'],
    });
  });

  it('given no entity, when run, then nothing on stdout, the reason on stderr and exit code 2', async () => {
    const result = await run(['--role', 'intake-officer']);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--entity is required');
  });
});
