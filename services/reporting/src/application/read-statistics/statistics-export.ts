import { hrcMembershipYears, unStateName, type UnRegionalGroupOrNone } from '@reprisals/un-states';
import type { DayPeriod } from '@reprisals/service-platform';
import { bilingual, unDate, words, type Bilingual } from '../export-layout/bilingual';
import type { ChartValue } from '../export-layout/charts.svg';
import type { PublishedCounts, PublishedCount } from '../../domain/statistics/small-count-suppression';
import type { StatisticsDimension } from '../../domain/statistics/statistics-dimensions';

/**
 * What a statistics export is written from: the period, the dimensions asked, the threshold, the
 * day it was made, the counts asked for and those of the four charts, every one of them already
 * published (small counts hidden): an export never sees a count that the JSON would not show.
 */
export interface StatisticsExportSource {
  period: DayPeriod;
  groupBy: readonly StatisticsDimension[];
  threshold: number;
  /** The day the export was made, YYYY-MM-DD. */
  madeOn: string;
  counts: PublishedCounts;
  charts: { byActType: PublishedCounts; byRegion: PublishedCounts; byReply: PublishedCounts };
}

export const STATISTICS_HEADINGS = {
  title: {
    en: 'Allegations of intimidation and reprisals: statistics of cases received',
    fr: "Allégations d'intimidation et de représailles : statistiques des cas reçus",
  },
  symbol: { en: 'Statistics', fr: 'Statistiques' },
  period: { en: 'Period covered', fr: 'Période considérée' },
  groupedBy: { en: 'Counted by', fr: 'Ventilation' },
  nothing: { en: 'Total only', fr: 'Total seulement' },
  madeOn: { en: 'Made on', fr: 'Établi le' },
  threshold: { en: 'Small counts', fr: 'Petits effectifs' },
  notes: { en: 'Notes', fr: 'Notes' },
  figures: { en: 'Figures', fr: 'Données chiffrées' },
  annex: { en: 'Annex', fr: 'Annexe' },
  byGroup: { en: 'Cases by the dimensions asked', fr: 'Cas selon la ventilation demandée' },
  byYear: { en: 'Cases by year of reception', fr: 'Cas par année de réception' },
  noCases: { en: 'No cases', fr: 'Aucun cas' },
} satisfies Record<string, Bilingual>;

export const CHART_TITLES = {
  byYear: { en: 'Cases per year of reception', fr: 'Cas par année de réception' },
  byActType: { en: 'Cases by type of act', fr: "Cas par type d'acte" },
  byRegion: { en: 'Cases by regional group of the State', fr: "Cas par groupe régional de l'État" },
  replies: {
    en: 'Replies of States to communications',
    fr: 'Réponses des États aux communications',
  },
} satisfies Record<string, Bilingual>;

export const DIMENSION_HEADINGS: Record<StatisticsDimension, Bilingual> = {
  state: { en: 'State', fr: 'État' },
  region: { en: 'Regional group', fr: 'Groupe régional' },
  hrcMember: {
    en: 'Member of the Human Rights Council that year',
    fr: "Membre du Conseil des droits de l'homme cette année-là",
  },
  gender: { en: 'Gender', fr: 'Genre' },
  victimKind: { en: 'Victim', fr: 'Victime' },
  profile: { en: 'Profile', fr: 'Profil' },
  actType: { en: 'Type of act', fr: "Type d'acte" },
  online: { en: 'Online or offline', fr: 'En ligne ou hors ligne' },
  mechanism: { en: 'Mechanism cooperated with', fr: 'Mécanisme' },
  category: { en: 'Category (res. 54/24, para. 4)', fr: 'Catégorie (rés. 54/24, par. 4)' },
  anonymity: { en: 'Consent to publish', fr: 'Consentement à la publication' },
  perpetrator: { en: 'Alleged perpetrator', fr: 'Auteur présumé' },
  verificationOutcome: { en: 'Verification', fr: 'Vérification' },
  responseAction: { en: 'Action taken', fr: 'Mesure prise' },
  replyStatus: { en: 'Reply of the State', fr: "Réponse de l'État" },
  year: { en: 'Year of reception', fr: 'Année de réception' },
};

export const CASES_HEADING: Bilingual = { en: 'Cases', fr: 'Cas' };

const REGION_NAMES: Record<UnRegionalGroupOrNone, Bilingual> = {
  african: { en: 'African States', fr: "États d'Afrique" },
  'asia-pacific': { en: 'Asia-Pacific States', fr: "États d'Asie et du Pacifique" },
  'eastern-european': { en: 'Eastern European States', fr: "États d'Europe orientale" },
  'latin-american-caribbean': {
    en: 'Latin American and Caribbean States',
    fr: "États d'Amérique latine et des Caraïbes",
  },
  'western-european-others': {
    en: 'Western European and other States',
    fr: "États d'Europe occidentale et autres États",
  },
  'no-group': { en: 'No regional group', fr: 'Aucun groupe régional' },
};

const MEMBERSHIP_NAMES: Record<string, Bilingual> = {
  member: { en: 'Member', fr: 'Membre' },
  'not-member': { en: 'Not a member', fr: 'Non membre' },
  'not-recorded': { en: 'Not recorded', fr: 'Non consigné' },
};

/** A value of a dimension in words: a State's name, a group's name, a code in words. */
export function valueLabel(dimension: StatisticsDimension, value: string): string {
  switch (dimension) {
    case 'state':
      return unStateName(value, 'en') ?? value;
    case 'region': {
      const name = REGION_NAMES[value as UnRegionalGroupOrNone];
      return name ? bilingual(name) : words(value);
    }
    case 'hrcMember': {
      const name = MEMBERSHIP_NAMES[value];
      return name ? bilingual(name) : words(value);
    }
    case 'year':
    case 'category':
      return value;
    default:
      return words(value);
  }
}

/** A chart's values: the counts that may be published; the others, withheld, listed apart. */
export interface ChartFigures {
  values: ChartValue[];
  /** The labels of the bars left out, with what is published instead of their count. */
  withheld: Array<{ label: string; shown: string }>;
}

function chartFigures(cells: ReadonlyArray<{ label: string; cases: PublishedCount }>): ChartFigures {
  return {
    values: cells.flatMap((cell) =>
      typeof cell.cases === 'number' ? [{ label: cell.label, value: cell.cases }] : [],
    ),
    withheld: cells.flatMap((cell) =>
      typeof cell.cases === 'number' ? [] : [{ label: cell.label, shown: cell.cases }],
    ),
  };
}

const byDimension = (counts: PublishedCounts, dimension: StatisticsDimension) =>
  chartFigures(
    counts.groups.map((cell) => ({ label: valueLabel(dimension, cell.values[0] ?? ''), cases: cell.cases })),
  );

/** The four charts: cases per year, by act type, by region, and the replies to communications. */
export function statisticsCharts(
  source: StatisticsExportSource,
): Record<keyof typeof CHART_TITLES, ChartFigures> {
  return {
    byYear: chartFigures(
      source.counts.years.map((year) => ({ label: String(year.year), cases: year.cases })),
    ),
    byActType: byDimension(source.charts.byActType, 'actType'),
    byRegion: byDimension(source.charts.byRegion, 'region'),
    // Replies among the cases whose State was written to; `none` (no communication) is no reply rate.
    replies: chartFigures(
      source.charts.byReply.groups
        .filter((cell) => cell.values[0] !== 'none')
        .map((cell) => ({ label: valueLabel('replyStatus', cell.values[0] ?? ''), cases: cell.cases })),
    ),
  };
}

/** Under a chart: what it counts and, when bars were left out, which and why. */
export function chartCaption(figures: ChartFigures, threshold: number): string {
  if (figures.withheld.length === 0) return 'Every count is shown.';
  const left = figures.withheld.map((cell) => `${cell.label} (${cell.shown})`).join('; ');
  return `Not drawn, to protect small counts (below ${threshold}) from being identified or worked out: ${left}.`;
}

export const periodText = (period: DayPeriod): string => `${unDate(period.from)} – ${unDate(period.to)}`;

export const groupedByText = (groupBy: readonly StatisticsDimension[]): string =>
  groupBy.length === 0
    ? bilingual(STATISTICS_HEADINGS.nothing)
    : groupBy.map((dimension) => DIMENSION_HEADINGS[dimension].en).join(', ');

/** The numbered paragraphs that say what is counted and how small counts are hidden. */
export function statisticsParagraphs(source: StatisticsExportSource): string[] {
  const years = hrcMembershipYears();
  return [
    `The present statistics count the allegations of intimidation and reprisal received from ${unDate(source.period.from)} to ${unDate(source.period.to)}, across the United Nations system, from categories only: no person, and no case, is named. In total, ${source.counts.total} ${source.counts.total === 1 ? 'case was' : 'cases were'} received.`,
    `A count from 1 to ${source.threshold - 1} is shown as "<${source.threshold}", and larger counts that would let it be worked out by subtraction from a total are shown as "suppressed". A year or a bar of a chart that adds up cells of the table is withheld too when one of those cells is hidden, with another beside it if needed, so that no hidden cell can be worked out from the figures together. Charts do not draw withheld counts: their captions list them.`,
    'A case with several victims, acts or actions counts once under each value it has, so the counts of such a dimension may add up to more than the total.',
    `Regional groups are those of the United Nations (Türkiye and the United States of America counted with the Western European and other States); Observer and other States belong to none. Membership of the Human Rights Council is that of the year the case was received, known for ${years[0]} to ${years.at(-1)}; for other years it is not recorded.`,
  ];
}

/** The table of the dimensions asked: a row per group, the values in words, then the count. */
export const groupRows = (source: StatisticsExportSource): string[][] =>
  source.counts.groups.map((cell) => [
    ...cell.values.map((value, index) => valueLabel(source.groupBy[index]!, value)),
    String(cell.cases),
  ]);

export const yearRows = (source: StatisticsExportSource): string[][] =>
  source.counts.years.map((year) => [String(year.year), String(year.cases)]);

/** The attachment's name: case-statistics-<from>-<to>.<format>. */
export const statisticsFileName = (period: DayPeriod, format: string): string =>
  `case-statistics-${period.from}-${period.to}.${format}`;
