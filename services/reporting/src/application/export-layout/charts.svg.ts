import { escapeMarkup } from './escape-markup';

/** One bar of a chart, or one part of a whole. */
export interface ChartValue {
  label: string;
  value: number;
}

/** A chart: its id (unique in the page that shows it), its title, and its values in order. */
export interface Chart {
  id: string;
  title: string;
  values: readonly ChartValue[];
}

const WIDTH = 640;
const LABEL_WIDTH = 240;
const BAR_HEIGHT = 18;
const ROW_HEIGHT = 26;
const TOP = 36;
const COLOURS = ['#009edb', '#9aa5ad'];
const FONT = 'font-family="Arial, Helvetica, sans-serif" font-size="12"';
const MAX_LABEL = 36;

function svg({ id: name, title }: Chart, height: number, body: string[]): string {
  const id = `chart-${name.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}">`,
    `<title id="${id}">${escapeMarkup(title)}</title>`,
    `<text x="0" y="16" ${FONT} font-weight="bold">${escapeMarkup(title)}</text>`,
    ...body,
    '</svg>',
  ].join('\n');
}

const noData = (chart: Chart): string =>
  svg(chart, TOP + ROW_HEIGHT, [
    `<text x="0" y="${TOP + 14}" ${FONT} fill="#555555">No data / Aucune donnée</text>`,
  ]);

const shortened = (label: string): string =>
  label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;

/**
 * A horizontal bar chart: one row per value, label on the left, bar scaled to the largest value,
 * the count at its end. Without any value above zero: the title and "No data".
 */
export function barChartSvg(chart: Chart): string {
  const shown = chart.values.filter((value) => value.value > 0);
  if (shown.length === 0) return noData(chart);
  const largest = Math.max(...shown.map((value) => value.value));
  const room = WIDTH - LABEL_WIDTH - 48;
  const rows = shown.map((value, index) => {
    const y = TOP + index * ROW_HEIGHT;
    const width = Math.max(1, Math.round((value.value / largest) * room));
    return [
      `<g><title>${escapeMarkup(`${value.label}: ${value.value}`)}</title>`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + 13}" ${FONT} text-anchor="end">${escapeMarkup(shortened(value.label))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="${COLOURS[0]}" />`,
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + 13}" ${FONT}>${value.value}</text></g>`,
    ].join('');
  });
  return svg(chart, TOP + shown.length * ROW_HEIGHT + 8, rows);
}

/**
 * The parts of a whole as one bar cut in proportion (e.g. replied and not replied), with a legend
 * giving each part's count and percentage. Without any value above zero: the title and "No data".
 */
export function shareChartSvg(chart: Chart): string {
  const parts = chart.values;
  const total = parts.reduce((sum, part) => sum + Math.max(0, part.value), 0);
  if (total === 0) return noData(chart);
  const body: string[] = [];
  let x = 0;
  parts.forEach((part, index) => {
    // The last part takes what rounding left, so that the bar is always whole.
    const share = Math.max(0, part.value) / total;
    const width =
      index === parts.length - 1 && share > 0 ? Math.max(0, WIDTH - x) : Math.round(share * WIDTH);
    const colour = COLOURS[index % COLOURS.length]!;
    const percent = Math.round(share * 100);
    const label = `${part.label}: ${part.value} (${percent} %)`;
    if (width > 0)
      body.push(
        `<rect x="${x}" y="${TOP}" width="${width}" height="${BAR_HEIGHT * 1.5}" fill="${colour}"><title>${escapeMarkup(label)}</title></rect>`,
      );
    const legendY = TOP + BAR_HEIGHT * 1.5 + 12 + index * ROW_HEIGHT;
    body.push(
      `<rect x="0" y="${legendY}" width="12" height="12" fill="${colour}" />`,
      `<text x="18" y="${legendY + 11}" ${FONT}>${escapeMarkup(label)}</text>`,
    );
    x += width;
  });
  return svg(chart, TOP + BAR_HEIGHT * 1.5 + 12 + parts.length * ROW_HEIGHT + 4, body);
}
