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

// Jest reads the test timeout only from the root config or from a setup file: per kind, a setup file.
const kind = (name: 'unit' | 'int' | 'e2e', timeoutSetup?: string): Config => ({
  displayName: name,
  roots,
  testMatch: [`**/*.${name}.spec.ts`],
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata', '<rootDir>/libs/testing/jest/quiet-logs.setup.ts'],
  setupFilesAfterEnv: timeoutSetup ? [`<rootDir>/libs/testing/jest/${timeoutSetup}`] : [],
});

const config: Config = {
  projects: [kind('unit'), kind('int', 'integration-timeout.setup.ts'), kind('e2e', 'e2e-timeout.setup.ts')],
};

export default config;
