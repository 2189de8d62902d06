import { subscribe, type Subscription } from '@reprisals/messaging';
import { CASE_ACCESS_EVENTS } from './case-access.event';
import { CaseAccessProjection } from './case-access.projection';
import { ProjectCaseAccessHandler } from './project-case-access.handler';

/**
 * The subscriptions that keep a service's case-access projection up to date, under stable names
 * (`case-access-<event>`). A service registers them all in its `*.subscriptions.ts`:
 *
 * ```ts
 * this.messaging.consumer.register(...caseAccessSubscriptions());
 * ```
 */
export function caseAccessSubscriptions(
  projection: CaseAccessProjection = new CaseAccessProjection(),
): Subscription[] {
  const handler = new ProjectCaseAccessHandler(projection);
  return CASE_ACCESS_EVENTS.map(({ name, event }) => subscribe(name, event, handler));
}
