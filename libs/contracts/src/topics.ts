import type { ServiceName } from './service-name';

/**
 * One topic per producing service. Every event of a case is keyed by the case id,
 * so one case's events stay in order within its producer's topic.
 */
export const Topics = {
  intake: 'reprisals.intake.events',
  verification: 'reprisals.verification.events',
  'state-communication': 'reprisals.state-communication.events',
  reporting: 'reprisals.reporting.events',
} as const satisfies Record<ServiceName, string>;

export type Topic = (typeof Topics)[ServiceName];

export const ALL_TOPICS: Topic[] = Object.values(Topics);
