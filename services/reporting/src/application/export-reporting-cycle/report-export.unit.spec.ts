import { reportExportFileName } from './report-export';

describe('the name of an export file', () => {
  it('given a symbol, when named, then the symbol gives the name in safe characters only', () => {
    expect(
      reportExportFileName(
        { symbol: 'A/HRC/63/40', periodFrom: '2026-05-01', periodTo: '2027-04-30' },
        'docx',
      ),
    ).toBe('A-HRC-63-40.docx');
    expect(
      reportExportFileName(
        { symbol: 'A/HRC/57/L.1', periodFrom: '2026-05-01', periodTo: '2027-04-30' },
        'csv',
      ),
    ).toBe('A-HRC-57-L.1.csv');
  });

  it('given no symbol yet, when named, then the period gives the name', () => {
    expect(
      reportExportFileName({ symbol: null, periodFrom: '2026-05-01', periodTo: '2027-04-30' }, 'html'),
    ).toBe('2026-05-01_2027-04-30.html');
  });

  it('given characters a header or a file system would misread, when named, then none of them is kept', () => {
    const name = reportExportFileName({ symbol: '../"x";\r\nA', periodFrom: 'a', periodTo: 'b' }, 'json');

    expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(name).not.toContain('..');
  });
});
