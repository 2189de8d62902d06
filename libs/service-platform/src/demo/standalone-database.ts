import { demoModeOf } from './demo-mode';

/**
 * The database of the embedded PostgreSQL a standalone start uses: real work in `reprisals`, a
 * demonstration in `reprisals_demo`, so that the two never share one and `npm start` and
 * `DEMO_MODE=true npm start` can be used in turn on one checkout.
 */
export function standaloneDatabaseName(environment: NodeJS.ProcessEnv = process.env): string {
  return demoModeOf(environment) ? 'reprisals_demo' : 'reprisals';
}
