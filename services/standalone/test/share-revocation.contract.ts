import { performance } from 'node:perf_hooks';
import { eventually } from '@reprisals/testing';
import { SERVICE_NAMES, type ServiceName } from '@reprisals/contracts';
import { CaseSharingSteps, hides, shows, type CaseView, type ServiceUrls } from './case-sharing.fixture';

export interface SharingSystem {
  urlOf: ServiceUrls;
  /** How long events may take to reach every service before the revoke (consumer groups joining...). */
  deliveryTimeoutMs: number;
}

/** A revoke takes effect in every service within a second (docs/adr/0006). */
export const REVOKE_DEADLINE_MS = 1_000;

const LEAD = 'OHCHR';
const PARTNER = 'TREATY-BODIES';

/**
 * Every service decides need to know from its own projection of the sharing events, so a revoke
 * reaches each one through the event transport. The same expectations hold in standalone mode
 * (in-process delivery) and distributed mode (Kafka).
 */
export function describeShareRevocation(mode: string, system: () => SharingSystem): void {
  describe(`revoking a share (${mode})`, () => {
    it('given a share accepted by another entity and seen by every service, when the lead revokes it, then every service answers 404 to that entity within a second', async () => {
      const { urlOf, deliveryTimeoutMs } = system();
      const steps = new CaseSharingSteps(urlOf);
      const shared = await steps.recordCase(LEAD);
      const shareId = await steps.offerShare(shared.id, LEAD, PARTNER);
      await steps.answerShare(shared.id, shareId, PARTNER);
      await eventually(async () => Object.values(await steps.viewOf(shared, PARTNER)).every(shows), {
        timeoutMs: deliveryTimeoutMs,
        description: `every service to let ${PARTNER} read the shared case`,
      });

      await steps.revokeShare(shared.id, shareId, LEAD);
      const revokedAt = performance.now();
      const lastSeen = new Map<ServiceName, CaseView>();
      const propagation = await Promise.allSettled(
        SERVICE_NAMES.map(async (service) => {
          await eventually(
            async () => {
              const view = await steps.viewIn(service, shared, PARTNER);
              lastSeen.set(service, view);
              return hides(view);
            },
            {
              timeoutMs: REVOKE_DEADLINE_MS,
              intervalMs: 10,
              description: `${service} to answer 404 to ${PARTNER}`,
            },
          );
          return performance.now() - revokedAt;
        }),
      );
      const measured = SERVICE_NAMES.map((service, index) => {
        const outcome = propagation[index]!;
        return outcome.status === 'fulfilled'
          ? `${service} ${Math.round(outcome.value)} ms`
          : `${service} not within ${REVOKE_DEADLINE_MS} ms (last: ${JSON.stringify(lastSeen.get(service))})`;
      });
      console.info(`revoke propagation (${mode}), since the revoke was answered: ${measured.join(', ')}`);

      expect(propagation.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      const hidden: CaseView = { status: 404 };
      expect(await steps.viewOf(shared, PARTNER)).toEqual<Record<ServiceName, CaseView>>({
        intake: hidden,
        verification: hidden,
        'state-communication': { ...hidden, listed: false },
        reporting: { ...hidden, listed: false },
      });
      // The lead still reads the case everywhere: the 404 is about the partner alone.
      expect(Object.values(await steps.viewOf(shared, LEAD)).every(shows)).toBe(true);
    });
  });
}
