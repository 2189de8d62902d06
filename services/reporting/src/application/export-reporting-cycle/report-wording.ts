import { unStateName } from '@reprisals/un-states';
import { unDate, words, type Bilingual } from '../export-layout/bilingual';
import type { ReportEntry } from '../../domain/report-compilation/report-compilation';
import type { ReportingCycleKind } from '../../domain/report-compilation/reporting-cycle';
import { entriesOf, type ReportExportSource } from './report-export';
import type { CompiledReport } from '../../domain/report-compilation/report-compilation';
import { phraseOf } from '../../domain/report-compilation/summary-phrases';
import { ACT_TYPE_LABELS, RESPONSE_ACTION_PHRASES, STATE_REPLY_PHRASES } from './response-phrases';

export { bilingual, words, type Bilingual } from '../export-layout/bilingual';

export const REPORT_HEADINGS = {
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
  replied: { en: 'Response received', fr: 'Réponse reçue' },
  noResponse: { en: 'No response', fr: 'Pas de réponse' },
} satisfies Record<string, Bilingual>;

/** The replies chart's title: by the cut-off date, or as at the day a draft before it stands. */
export const repliesChartTitle = ({ asAt }: ReportStanding): Bilingual =>
  asAt === null
    ? { en: 'Responses of States by the cut-off date', fr: 'Réponses des États à la date limite' }
    : {
        en: `Responses of States as at ${reportDate(asAt)}`,
        fr: `Réponses des États au ${frenchDate(asAt)}`,
      };

/**
 * The line that dates the document: the finalised version it is, or the draft and when it was
 * compiled. None for a draft without a compile date.
 */
export function versionLine({ cycle, finalised }: ReportExportSource): [Bilingual, string] | null {
  if (finalised)
    return [
      { en: `Version ${finalised.version}, finalised on`, fr: `Version ${finalised.version}, finalisée le` },
      reportDate(finalised.finalisedAt),
    ];
  return cycle.compiledAt ? [REPORT_HEADINGS.compiledOn, reportDate(cycle.compiledAt)] : null;
}

/** The note under the chart of cases by type of act: anonymised entries are not in it. */
export function actTypeChartNote(draft: CompiledReport): Bilingual | null {
  const anonymised = entriesOf(draft).filter((entry) => entry.anonymised).length;
  if (anonymised === 0) return null;
  const one = anonymised === 1;
  return {
    en: `${sentenceStart(countOf(anonymised, 'anonymised entry', 'anonymised entries'))} ${one ? 'is' : 'are'} not counted by type of act: an anonymised entry does not state the acts.`,
    fr: `${sentenceStart(countOf(anonymised, 'entrée anonymisée', 'entrées anonymisées', FRENCH_NUMBERS), 'Au total,')} ${one ? "n'est pas comptée" : 'ne sont pas comptées'} par type d'acte : une entrée anonymisée n'indique pas les actes.`,
  };
}

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

/**
 * How far a draft's information goes: up to the cut-off date (`asAt` null), or, for a draft
 * compiled before its cut-off, as at the day it was compiled (today at the latest), so that the
 * text never reads as if the cut-off had passed.
 */
export interface ReportStanding {
  asAt: string | null;
}

export function reportStanding({
  cycle,
  today,
}: Pick<ReportExportSource, 'cycle' | 'today'>): ReportStanding {
  const compiled = cycle.compiledAt?.slice(0, 10) ?? today;
  const day = compiled < today ? compiled : today;
  return { asAt: day < cycle.cutOff ? day : null };
}

/** "by the cut-off" or "as at 30 November 2026". */
const byWhen = ({ asAt }: ReportStanding): string =>
  asAt === null ? 'by the cut-off' : `as at ${reportDate(asAt)}`;

/** The UN's actions of an entry in words, each once, in the order decided. */
export function actionsText(actions: readonly string[], standing: ReportStanding): string {
  return actions.length === 0
    ? `None recorded ${byWhen(standing)}`
    : [...new Set(actions)]
        .map((action) => phraseOf(RESPONSE_ACTION_PHRASES, action) ?? words(action))
        .join('; ');
}

export function responseText(response: ReportEntry['stateResponse'], standing: ReportStanding): string {
  return response === 'no-response-by-cut-off'
    ? `No response received ${byWhen(standing)}`
    : `${phraseOf(STATE_REPLY_PHRASES, response.type) ?? words(response.type)}, received on ${reportDate(response.receivedOn)}`;
}

/** A type of act as a chart label. */
export const actTypeLabel = (code: string): string => phraseOf(ACT_TYPE_LABELS, code) ?? words(code);

const ENGLISH_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const FRENCH_NUMBERS = ['aucune', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];

/** A number in the UN's style: in words from none to nine, in figures from 10. */
const numberOf = (count: number, names: readonly string[] = ENGLISH_NUMBERS): string =>
  names[count] ?? String(count);

/** A count and its noun: "no cases", "one State", "six States", "23 cases". */
const countOf = (count: number, one: string, many: string, names?: readonly string[]): string =>
  `${numberOf(count, names)} ${count === 1 ? one : many}`;

/** A count that opens a sentence: a capital for a number in words, `inAll` before figures. */
const sentenceStart = (text: string, inAll = 'In all,'): string =>
  /^\d/.test(text) ? `${inAll} ${text}` : text.charAt(0).toUpperCase() + text.slice(1);

/** A day in French: 30 novembre 2026, and 1er mai 2026 for the first of a month. */
export function frenchDate(day: string): string {
  const at = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  if (Number.isNaN(at.getTime())) return day;
  const text = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
  return at.getUTCDate() === 1 ? text.replace(/^1 /, '1er ') : text;
}

/**
 * The numbered paragraphs of the report's introduction, in English, from the draft's figures, in
 * the UN's style: numbers under 10 in words, none opening a sentence, "per cent" in full.
 */
export function reportParagraphs(source: ReportExportSource): string[] {
  const { cycle, draft } = source;
  const standing = reportStanding(source);
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
  const covers = `It covers the period from ${reportDate(cycle.periodFrom)} to ${reportDate(cycle.periodTo)}`;
  const concerning = states.size > 0 ? `, concerning ${countOf(states.size, 'State', 'States')}` : '';
  const annexI = countOf(draft.annexI.length, 'case', 'cases');
  const annexII = countOf(draft.annexII.length, 'case', 'cases');
  const paragraphs = [
    standing.asAt === null
      ? `${document} ${covers} and the information received up to the cut-off date of ${reportDate(cycle.cutOff)}.`
      : `${document} ${covers}; the cut-off date is ${reportDate(cycle.cutOff)}. The present ${source.finalised ? 'text' : 'draft'} reflects the information received as at ${reportDate(standing.asAt)}.`,
    cycle.kind === 'hrc-president-briefing'
      ? `Annex I contains ${annexI} brought to the attention of the President since the last session${concerning}, and what was done. Annex II contains ${annexII} of earlier briefings on which there were developments since.`
      : `Annex I contains ${annexI} of alleged intimidation and reprisal reported during the period${concerning}. Annex II contains ${annexII} included in previous reports on which there were developments during the period.`,
    anonymised === 0
      ? 'The entries are written from categories only: no person is named.'
      : `The entries are written from categories only: no person is named, and ${countOf(anonymised, 'entry is', 'entries are')} further anonymised, as the consent of those concerned requires.`,
    responsesParagraph(entries.length, replied, standing),
  ];
  // The cases left out, and why, stay in the analysts' working files (JSON, CSV): a public text
  // that said a case was withheld for a protection risk or a withdrawn consent would tell whoever
  // read the earlier reports something about a person.
  return paragraphs;
}

function responsesParagraph(total: number, replied: number, standing: ReportStanding): string {
  if (total === 0) return 'No entry called for a response from a State.';
  const when = standing.asAt === null ? 'By the cut-off date' : `As at ${reportDate(standing.asAt)}`;
  if (total === 1)
    return replied === 1
      ? `${when}, the State concerned had responded in the only case.`
      : `${when}, no response had been received from the State concerned in the only case.`;
  if (replied === 0)
    return `${when}, no response had been received from the States concerned in any of the ${numberOf(total)} cases.`;
  if (replied === total)
    return `${when}, the States concerned had responded in ${total === 2 ? 'both' : `all ${numberOf(total)}`} cases.`;
  return `${when}, the States concerned had responded in ${numberOf(replied)} of the ${numberOf(total)} cases; no response had been received in ${numberOf(total - replied)}.`;
}
