import { eventually } from '@reprisals/testing';
import { call, queryRows, validAllegation } from './system.fixture';

/** What the reporting specs wait for and do: the projection of a case, and a compiled cycle. */
export function reportingClient(
  baseUrl: () => string,
  databaseUrl: () => string,
  analyst: () => Promise<{ token: string }>,
) {
  return {
    /** Reporting has heard of the case's reception, and of its conclusion when it was concluded. */
    projected: (caseId: string, concluded: boolean) =>
      eventually(async () => {
        const [row] = await queryRows<{ concluded: boolean }>(
          databaseUrl(),
          'SELECT verification_outcome IS NOT NULL AS concluded FROM reporting.report_case WHERE case_id = $1 AND received_on IS NOT NULL',
          [caseId],
        );
        return row !== undefined && row.concluded === concluded;
      }),

    /** Compiles the cycle and answers it once its job is done. */
    compiled: async (cycleId: string) => {
      const started = await call(baseUrl(), 'POST', `/reporting/cycles/${cycleId}/compile`, {
        ...(await analyst()),
        body: {},
      });
      if (started.status !== 202) throw new Error(`the compile did not start: ${started.status}`);
      return eventually(async () => {
        const cycle = await call(baseUrl(), 'GET', `/reporting/cycles/${cycleId}`, await analyst());
        return cycle.body.job.state === 'compiled' ? cycle.body : undefined;
      });
    },
  };
}

/** Two victims (a woman and a man) and two acts (one online by a non-State actor, one offline by the State). */
export const twoVictimsTwoActs = {
  ...validAllegation,
  stateConcerned: 'NIC',
  receivedOn: '2026-03-10',
  victims: [
    { kind: 'individual', name: 'Victim Two', gender: 'woman', ageGroup: 'adult', profile: 'journalist' },
    { kind: 'individual', name: 'Victim Three', gender: 'man', ageGroup: 'youth', profile: 'lawyer' },
  ],
  cooperation: {
    mechanism: 'special-procedure',
    detail: 'Special Rapporteur on human rights defenders',
    category: 'b',
    date: '2026-01-10',
  },
  acts: [
    { type: 'hacking', date: '2026-03-01', country: 'NIC', online: true, perpetrator: 'non-state' },
    { type: 'threats', date: '2026-03-02', country: 'NIC', online: false, perpetrator: 'state' },
  ],
};
