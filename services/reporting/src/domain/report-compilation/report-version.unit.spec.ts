import type { CompiledReport, ReportEntry } from './report-compilation';
import { changesSince, contentHash } from './report-version';

const entry = (
  caseId: string,
  summary = 'A journalist was reportedly subjected to threats.',
): ReportEntry => ({
  caseId,
  stateConcerned: 'BLR',
  anonymised: false,
  summary,
  mechanism: 'treaty-body',
  category: 'a',
  acts: ['threats'],
  actionsTaken: [],
  stateResponse: 'no-response-by-cut-off',
});
const report = (annexI: ReportEntry[], annexII: ReportEntry[] = []): CompiledReport => ({
  annexI,
  annexII,
  exclusions: [],
});

describe('versions of a finalised report', () => {
  it('given the same content with its keys in another order, when hashed, then the hash is the same', () => {
    expect(contentHash({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      contentHash({ a: { c: null, d: [1, 2] }, b: 1 }),
    );
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
  });

  it('given a first version, when compared with nothing, then every entry is added', () => {
    expect(changesSince(null, report([entry('c1')], [entry('c2')]))).toEqual({
      added: [
        { caseId: 'c1', annex: 'I' },
        { caseId: 'c2', annex: 'II' },
      ],
      removed: [],
      changed: [],
    });
  });

  it('given a correction, when compared with the version before, then it says what was added, removed and reworded', () => {
    const before = report([entry('c1'), entry('c2')]);
    const after = report([entry('c1', 'An organisation was reportedly subjected to threats.'), entry('c3')]);

    expect(changesSince(before, after)).toEqual({
      added: [{ caseId: 'c3', annex: 'I' }],
      removed: [{ caseId: 'c2', annex: 'I' }],
      changed: [{ caseId: 'c1', annex: 'I' }],
    });
  });
});
