import { barChartSvg, shareChartSvg } from './charts.svg';

const widthsOf = (svg: string): number[] =>
  [...svg.matchAll(/<rect x="\d+" y="\d+" width="(\d+)" height="(?:18|27)"/g)].map((match) =>
    Number(match[1]),
  );

describe('the charts of an export, as inline SVG', () => {
  it('given no value, when a bar chart is drawn, then it is a titled SVG that says there is no data, without bars', () => {
    const svg = barChartSvg({
      id: 'by-state',
      title: 'Cases by State',
      values: [{ label: 'Belarus', value: 0 }],
    });

    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img" aria-labelledby="chart-by-state">/,
    );
    expect(svg).toContain('<title id="chart-by-state">Cases by State</title>');
    expect(svg).toContain('No data / Aucune donnée');
    expect(svg).not.toContain('<rect');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('given counts, when a bar chart is drawn, then each value has a bar in proportion to the largest, with its label and count', () => {
    const svg = barChartSvg({
      id: 'by-state',
      title: 'Cases by State',
      values: [
        { label: 'Belarus', value: 4 },
        { label: 'Nicaragua', value: 2 },
        { label: 'Nobody', value: 0 },
      ],
    });

    const [largest, half] = widthsOf(svg);
    expect(widthsOf(svg)).toHaveLength(2);
    expect(half! / largest!).toBeCloseTo(0.5, 2);
    expect(svg).toContain('>Belarus</text>');
    expect(svg).toContain('>4</text>');
    expect(svg).toContain('>Nicaragua</text>');
    expect(svg).not.toContain('Nobody');
  });

  it('given a hostile or long label, when drawn, then it is escaped, and shortened on the axis while its tooltip keeps it whole', () => {
    const long = 'The United Kingdom of Great Britain and Northern Ireland';
    const svg = barChartSvg({
      id: 'x"><script>',
      title: '<script>alert(1)</script>',
      values: [
        { label: '<img src=x onerror=alert(1)>', value: 1 },
        { label: long, value: 1 },
      ],
    });

    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('aria-labelledby="chart-x---script-"');
    expect(svg).toContain(`<title>${long}: 1</title>`);
    expect(svg).toContain('>The United Kingdom of Great Britain…</text>');
  });

  it('given replied and not replied, when the share chart is drawn, then the bar is cut in proportion and the legend gives counts and percentages', () => {
    const svg = shareChartSvg({
      id: 'replies',
      title: 'Responses',
      values: [
        { label: 'Response received', value: 3 },
        { label: 'No response', value: 1 },
      ],
    });

    expect(widthsOf(svg)).toEqual([480, 160]);
    expect(svg).toContain('Response received: 3 (75 %)');
    expect(svg).toContain('No response: 1 (25 %)');
  });

  it('given nothing to share, when the share chart is drawn, then it says there is no data', () => {
    const svg = shareChartSvg({
      id: 'replies',
      title: 'Responses',
      values: [
        { label: 'Response received', value: 0 },
        { label: 'No response', value: 0 },
      ],
    });

    expect(svg).toContain('No data / Aucune donnée');
    expect(svg).not.toContain('<rect');
  });
});
