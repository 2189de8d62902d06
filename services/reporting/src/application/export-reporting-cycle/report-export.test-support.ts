import { ANONYMISED_SUMMARY, type ReportEntry } from '../../domain/report-compilation/report-compilation';
import type { ReportExportSource } from './report-export';

const CASE_IDS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
  '44444444-4444-4444-8444-444444444444',
] as const;

export const EXPORT_CASE_IDS = CASE_IDS;

const entry = (overrides: Partial<ReportEntry>): ReportEntry => ({
  caseId: CASE_IDS[0],
  stateConcerned: 'BLR',
  anonymised: false,
  summary:
    'A human rights defender who cooperated with the universal periodic review (resolution 54/24, para. 4 (a)) was reportedly subjected to a travel ban and online harassment.',
  mechanism: 'universal-periodic-review',
  category: 'a',
  acts: ['travel-ban', 'online-harassment'],
  actionsTaken: ['private-engagement', 'allegation-letter'],
  stateResponse: 'no-response-by-cut-off',
  ...overrides,
});

/** A compiled annual report: two entries in annex I, one (anonymised) in annex II, one case left out. */
export function exportSource(
  overrides: Partial<ReportExportSource['cycle']> = {},
  { today = '2027-05-02', finalised = null }: Partial<Pick<ReportExportSource, 'today' | 'finalised'>> = {},
): ReportExportSource {
  return {
    today,
    finalised,
    cycle: {
      id: '99999999-9999-4999-8999-999999999999',
      kind: 'sg-annual-report',
      periodFrom: '2026-05-01',
      periodTo: '2027-04-30',
      cutOff: '2027-04-30',
      symbol: 'A/HRC/63/40',
      policyVersion: 'reporting/v1',
      compiledAt: '2027-05-02T10:00:00.000Z',
      ...overrides,
    },
    draft: {
      annexI: [
        entry({}),
        entry({
          caseId: CASE_IDS[1],
          stateConcerned: 'NIC',
          anonymised: false,
          summary: 'A journalist was reportedly subjected to threats.',
          mechanism: null,
          category: null,
          acts: ['threats'],
          actionsTaken: [],
          stateResponse: { type: 'substantive-reply', receivedOn: '2026-12-01' },
        }),
      ],
      // Anonymised as compiled: the State, the UN's action and the response, no profile, mechanism or act.
      annexII: [
        entry({
          caseId: CASE_IDS[2],
          anonymised: true,
          summary: ANONYMISED_SUMMARY,
          mechanism: null,
          category: null,
          acts: [],
          actionsTaken: ['follow-up', 'follow-up'],
        }),
      ],
      exclusions: [
        {
          caseId: CASE_IDS[3],
          stateConcerned: 'BLR',
          annex: 'I',
          reason: 'protection-risk',
          explanation: 'a protection risk flag withholds the case from any public report',
        },
      ],
    },
  };
}
