import { bilingual, type Bilingual } from './bilingual';
import { escapeMarkup as e } from './escape-markup';

/** The style of a UN document on screen: serif body, bordered tables, French in italics. */
const STYLE = [
  'body{font-family:"Times New Roman",Times,serif;font-size:11pt;line-height:1.4;max-width:48em;margin:2em auto;padding:0 1em;color:#111}',
  'header{display:flex;justify-content:space-between;border-bottom:2px solid #111;padding-bottom:.5em}',
  '.symbol{font-weight:bold;font-size:1.4em}',
  'h1{font-size:1.4em;margin-top:1.5em}',
  'h2{font-size:1.2em;margin-top:2em}',
  '.french{font-style:italic;color:#333}',
  'ol.paragraphs li{margin-bottom:.6em}',
  'table{border-collapse:collapse;width:100%;font-size:10pt}',
  'th,td{border:1px solid #777;padding:.3em .5em;text-align:left;vertical-align:top}',
  'th{background:#e8eef2}',
  'figure{margin:1.5em 0}',
  'figcaption{font-size:10pt;color:#333;margin-top:.3em}',
].join('');

/** A heading in both languages: the English, then the French in italics. */
export const htmlHeading = (level: 1 | 2 | 3, text: Bilingual, id?: string): string =>
  `<h${level}${id ? ` id="${id}"` : ''}>${e(text.en)} / <span class="french" lang="fr">${e(text.fr)}</span></h${level}>`;

const headerCell = (column: Bilingual): string =>
  `<th scope="col">${e(column.en)}<br /><span class="french" lang="fr">${e(column.fr)}</span></th>`;

/** A table headed in English and French, one row per item; `empty` says so when there is none. */
export function htmlTable(
  id: string,
  columns: readonly Bilingual[],
  rows: string[][],
  empty: Bilingual,
): string {
  const body =
    rows.length === 0
      ? [`<tr><td colspan="${columns.length}">${e(bilingual(empty))}</td></tr>`]
      : rows.map((cells) => `<tr>${cells.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`);
  return [
    `<table id="${id}">`,
    `<thead><tr>${columns.map(headerCell).join('')}</tr></thead>`,
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
  ].join('\n');
}

/** Numbered paragraphs, as a UN document numbers them. */
export const htmlParagraphs = (paragraphs: readonly string[]): string =>
  ['<ol class="paragraphs">', ...paragraphs.map((paragraph) => `<li>${e(paragraph)}</li>`), '</ol>'].join(
    '\n',
  );

/**
 * A standalone HTML5 page (also well-formed XML) in English: its title, the bar of "United
 * Nations" and the symbol on top, then the body's markup as given. No script and no external
 * resource: the page's own policy forbids them.
 */
export function htmlPage(page: { title: string; symbol: string; body: readonly string[] }): string {
  return [
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${e(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><span>${e(bilingual(UNITED_NATIONS))}</span><span class="symbol">${e(page.symbol)}</span></header>`,
    '<main>',
    ...page.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const UNITED_NATIONS: Bilingual = { en: 'United Nations', fr: 'Nations Unies' };
