import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyFileError } from '@reprisals/service-platform';
import {
  DEFAULT_RESPONSE_PROTOCOL_DIR,
  loadResponseProtocolPolicies,
  parseResponseProtocolPolicy,
} from './response-protocol-policy.loader';

const v1Text = readFileSync(join(DEFAULT_RESPONSE_PROTOCOL_DIR, 'response-protocol.v1.yaml'), 'utf8');

function problemsOf(text: string): string[] {
  try {
    parseResponseProtocolPolicy(text, 'test.yaml');
  } catch (error) {
    if (error instanceof PolicyFileError) return [...error.problems];
    throw error;
  }
  throw new Error('the policy was accepted');
}

const lineOf = (text: string, fragment: string) =>
  text.split('\n').findIndex((line) => line.includes(fragment)) + 1;

describe('the response protocol policy file', () => {
  it('given the published files, when loaded, then v1 describes every stage, step and tool it uses', () => {
    const [v1] = loadResponseProtocolPolicies();
    expect(v1?.version).toBe('response-protocol/v1');
    expect(Object.keys(v1!.document.stages)).toHaveLength(7);
    expect(v1!.step('propose-action')?.gates.map((gate) => gate.gate)).toEqual([
      'protection',
      'consent',
      'four-eyes',
    ]);
    expect(v1!.nextOnLadder(2)).toBe('allegation-letter');
  });

  it('given a step whose performer is not a permission, when parsed, then the problem names the line and the field', () => {
    const broken = v1Text.replace('performer: verification:conclude', 'performer: verification:decide-alone');
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^line ${lineOf(broken, 'verification:decide-alone')}: steps\\.conclude-verification\\.performer: `,
      ),
    );
  });

  it('given an unknown key and a transition to an undescribed stage, when parsed, then both are named with their lines', () => {
    const broken = v1Text
      .replace('  withinHours: 24', '  withinHours: 24\n  whenever: always')
      .replace('stages:\n  registered:', 'stages:\n  registered:')
      .replace('    to: screening\n', '    to: triage\n');
    const problems = problemsOf(broken);
    expect(
      problems.some((problem) =>
        problem.startsWith(`line ${lineOf(broken, 'whenever: always')}: urgentTrack`),
      ),
    ).toBe(true);
    expect(problems.some((problem) => problem.includes('steps.begin-screening.to'))).toBe(true);
  });

  it('given a ladder tool without a level, when parsed, then the ladder entry is named', () => {
    const broken = v1Text.replace('    reach: public\n    ladderLevel: 6\n', '    reach: public\n');
    expect(problemsOf(broken)).toEqual([
      expect.stringMatching(/^line \d+: ladder\.order\.5: public-statement has no ladderLevel/),
    ]);
  });

  it('given text that is not YAML, when parsed, then the line of the syntax error is named', () => {
    const problems = problemsOf('version: response-protocol/v1\nstages: [registered\n');
    expect(problems[0]).toMatch(/^line \d+: /);
  });

  it('given a file whose version does not match its name, when the directory is loaded, then it is refused', () => {
    const directory = mkdtempSync(join(tmpdir(), 'protocol-'));
    try {
      writeFileSync(join(directory, 'response-protocol.v2.yaml'), v1Text);
      expect(() => loadResponseProtocolPolicies(directory)).toThrow(/version: must be response-protocol\/v2/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
