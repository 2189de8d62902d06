import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import type { CaseAccessEvent } from './case-access.event';
import type { CaseAccessProjection } from './case-access.projection';

/** Applies one intake event to the service's case-access projection, in the consumer's transaction. */
export class ProjectCaseAccessHandler implements EventHandler<CaseAccessEvent> {
  constructor(private readonly projection: CaseAccessProjection) {}

  async handle(event: CaseAccessEvent, context: HandlerContext): Promise<void> {
    await this.projection.project(context.manager, event);
  }
}
