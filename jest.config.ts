import type { Config } from 'jest';

const swc: [string, Record<string, unknown>] = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const roots = ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/infra'];

const kind = (name: 'unit' | 'int' | 'e2e', timeoutMs: number): Config => ({
  displayName: name,
  roots,
  testMatch: [`**/*.${name}.spec.ts`],
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  testTimeout: timeoutMs,
  setupFiles: ['reflect-metadata'],
});

const config: Config = {
  projects: [kind('unit', 10_000), kind('int', 120_000), kind('e2e', 180_000)],
};

export default config;
