import { jestArguments, needsKafka, selectedProjects } from './jest-arguments';

describe('jest arguments', () => {
  it('drops a leading separator only', () => {
    expect(jestArguments(['--', '--selectProjects', 'unit'])).toEqual(['--selectProjects', 'unit']);
    expect(jestArguments(['libs/kernel'])).toEqual(['libs/kernel']);
  });

  it('reads the selected projects in both spellings', () => {
    expect(selectedProjects(['--selectProjects', 'unit', 'int', '--ci', 'libs'])).toEqual(['unit', 'int']);
    expect(selectedProjects(['--selectProjects=unit,e2e'])).toEqual(['unit', 'e2e']);
    expect(selectedProjects(['libs/persistence'])).toEqual([]);
  });

  it('needs a broker unless only unit tests run', () => {
    expect(needsKafka([])).toBe(true);
    expect(needsKafka(['--selectProjects', 'unit'])).toBe(false);
    expect(needsKafka(['--selectProjects', 'unit', 'int'])).toBe(true);
  });
});
