import { unStateName } from '@reprisals/un-states';
import { unDate, words, type Bilingual } from '../export-layout/bilingual';
import type { ReportEntry } from '../../domain/report-compilation/report-compilation';
import type { ReportingCycleKind } from '../../domain/report-compilation/reporting-cycle';
import { entriesOf, type ReportExportSource } from './report-export';

export { bilingual, words, type Bilingual } from '../export-layout/bilingual';

export const REPORT_HEADINGS = {
  unitedNations: { en: 'United Nations', fr: 'Nations Unies' },
  introduction: { en: 'Introduction', fr: 'Introduction' },
  figures: { en: 'Figures', fr: 'Données chiffrées' },
  annexI: { en: 'Annex I', fr: 'Annexe I' },
  annexITitle: {
    en: 'Cases of alleged intimidation and reprisal reported during the period',
    fr: "Cas présumés d'intimidation et de représailles signalés au cours de la période",
  },
  annexII: { en: 'Annex II', fr: 'Annexe II' },
  annexIITitle: {
    en: 'Follow-up to cases included in previous reports',
    fr: 'Suite donnée aux cas figurant dans les rapports précédents',
  },
  noEntries: { en: 'No entries', fr: 'Aucune entrée' },
  period: { en: 'Period covered', fr: 'Période considérée' },
  cutOff: { en: 'Cut-off date', fr: 'Date limite' },
  rules: { en: 'Reporting rules', fr: "Règles d'établissement des rapports" },
  compiledOn: { en: 'Draft compiled on', fr: 'Projet établi le' },
  symbolPending: { en: 'Symbol to be assigned', fr: 'Cote à attribuer' },
} satisfies Record<string, Bilingual>;

export const ANNEX_COLUMNS: readonly Bilingual[] = [
  { en: 'State', fr: 'État' },
  { en: 'Summary', fr: 'Résumé' },
  { en: 'Action taken by the United Nations', fr: "Mesures prises par l'Organisation des Nations Unies" },
  { en: 'Response of the State', fr: "Réponse de l'État" },
];

export const CHART_TITLES = {
  byState: { en: 'Cases by State', fr: 'Cas par État' },
  byActType: { en: 'Cases by type of act', fr: "Cas par type d'acte" },
  replies: { en: 'Responses of States by the cut-off date', fr: 'Réponses des États à la date limite' },
  replied: { en: 'Response received', fr: 'Réponse reçue' },
  noResponse: { en: 'No response', fr: 'Pas de réponse' },
} satisfies Record<string, Bilingual>;

export const NO_RESPONSE_BY_CUT_OFF = 'No response received by the cut-off';

const TITLES: Record<ReportingCycleKind, { title: Bilingual; author: Bilingual | null }> = {
  'sg-annual-report': {
    title: {
      en: 'Cooperation with the United Nations, its representatives and mechanisms in the field of human rights',
      fr: "Coopération avec l'Organisation des Nations Unies, ses représentants et ses mécanismes dans le domaine des droits de l'homme",
    },
    author: { en: 'Report of the Secretary-General', fr: 'Rapport du Secrétaire général' },
  },
  'hrc-president-briefing': {
    title: {
      en: 'Allegations of intimidation and reprisals against those who cooperate with the United Nations',
      fr: "Allégations d'intimidation et de représailles contre ceux qui coopèrent avec l'Organisation des Nations Unies",
    },
    author: {
      en: 'Briefing of the President of the Human Rights Council',
      fr: 'Exposé du Président du Conseil des droits de l’homme',
    },
  },
  custom: {
    title: {
      en: 'Allegations of intimidation and reprisals against those who cooperate with the United Nations',
      fr: "Allégations d'intimidation et de représailles contre ceux qui coopèrent avec l'Organisation des Nations Unies",
    },
    author: null,
  },
};

export const reportTitle = (kind: ReportingCycleKind) => TITLES[kind];

/** What the two parts of a draft hold: annexes of a report, or the sections of a President's briefing. */
export function annexTitles(kind: ReportingCycleKind): { annexI: Bilingual; annexII: Bilingual } {
  return kind === 'hrc-president-briefing'
    ? {
        annexI: {
          en: 'Cases brought to the attention of the President since the last session, and what was done',
          fr: "Cas portés à l'attention du Président depuis la dernière session, et mesures prises",
        },
        annexII: {
          en: 'Follow-up to cases of earlier briefings',
          fr: 'Suite donnée aux cas des exposés précédents',
        },
      }
    : { annexI: REPORT_HEADINGS.annexITitle, annexII: REPORT_HEADINGS.annexIITitle };
}

/** The State's name in English, or its code when the list of UN States does not know it. */
export const stateLabel = (code: string): string => unStateName(code, 'en') ?? code;

/** A day in the UN's style: 1 May 2026. */
export const reportDate = unDate;

export function actionsText(actions: readonly string[]): string {
  return actions.length === 0 ? 'None recorded by the cut-off' : actions.map(words).join('; ');
}

export function responseText(response: ReportEntry['stateResponse']): string {
  return response === 'no-response-by-cut-off'
    ? NO_RESPONSE_BY_CUT_OFF
    : `${words(response.type)}, received on ${reportDate(response.receivedOn)}`;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** The numbered paragraphs of the report's introduction, in English, from the draft's figures. */
export function reportParagraphs({ cycle, draft }: ReportExportSource): string[] {
  const entries = entriesOf(draft);
  const states = new Set(draft.annexI.map((entry) => entry.stateConcerned));
  const replied = entries.filter((entry) => entry.stateResponse !== 'no-response-by-cut-off').length;
  const anonymised = entries.filter((entry) => entry.anonymised).length;
  const document =
    cycle.kind === 'sg-annual-report'
      ? 'The present report is submitted pursuant to Human Rights Council resolution 54/24.'
      : cycle.kind === 'hrc-president-briefing'
        ? 'The present briefing is made pursuant to Human Rights Council resolution 54/24.'
        : 'The present compilation is made pursuant to Human Rights Council resolution 54/24.';
  const paragraphs = [
    `${document} It covers the period from ${reportDate(cycle.periodFrom)} to ${reportDate(cycle.periodTo)} and the information received up to the cut-off date of ${reportDate(cycle.cutOff)}.`,
    cycle.kind === 'hrc-president-briefing'
      ? `Annex I contains ${plural(draft.annexI.length, 'case', 'cases')} brought to the attention of the President since the last session, concerning ${plural(states.size, 'State', 'States')}, and what was done. Annex II contains ${plural(draft.annexII.length, 'case', 'cases')} of earlier briefings on which there were developments since.`
      : `Annex I contains ${plural(draft.annexI.length, 'case', 'cases')} of alleged intimidation and reprisal reported during the period, concerning ${plural(states.size, 'State', 'States')}. Annex II contains ${plural(draft.annexII.length, 'case', 'cases')} included in previous reports on which there were developments during the period.`,
    `The entries are written from categories only: no person is named. ${anonymised === 1 ? '1 entry is' : `${anonymised} entries are`} further anonymised, as the consent of those concerned requires.`,
    entries.length === 0
      ? 'No entry called for a response from a State.'
      : `By the cut-off date, the States concerned had responded in ${replied} of the ${plural(entries.length, 'entry', 'entries')}; no response had been received in ${entries.length - replied}.`,
  ];
  // The cases left out, and why, stay in the analysts' working files (JSON, CSV): a public text
  // that said a case was withheld for a protection risk or a withdrawn consent would tell whoever
  // read the earlier reports something about a person.
  return paragraphs;
}
