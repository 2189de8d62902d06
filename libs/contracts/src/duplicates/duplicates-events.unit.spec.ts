import { EventCatalogue } from '../event-catalogue';
import { Topics } from '../topics';
import { CasesLinked } from './cases-linked.event';
import { PossibleDuplicateFound } from './possible-duplicate-found.event';

const caseId = '5f0c2a57-2f1e-4a4e-9d0b-3c1f6f0a9b11';
const otherCaseId = '0b5e8f0e-6a4d-4c59-8d0f-2b8e5a7c1d22';
const linkId = '9a3f1c4d-7e2b-4f6a-b1c8-4d5e6f7a8b33';

describe('the duplicate events', () => {
  it.each([PossibleDuplicateFound, CasesLinked])(
    'given $type, when the catalogue is read, then intake declares it at version 1',
    (definition) => {
      expect(new EventCatalogue().findByWireType(definition.wireType)).toBe(definition);
      expect(definition).toMatchObject({ producer: 'intake', topic: Topics.intake, version: 1 });
    },
  );
});

describe('the PossibleDuplicateFound contract', () => {
  const sample = { caseId, otherCaseId, matchedOn: ['person', 'contact'] };

  it('given ids and matched kinds, when validated, then it passes unchanged', () => {
    expect(PossibleDuplicateFound.schema.parse(sample)).toEqual(sample);
  });

  it.each([
    ['a name', { victimName: 'Amaranta Quispe' }],
    ['a fingerprint', { fingerprint: 'ab'.repeat(32) }],
    ['no matched kind', { matchedOn: [] }],
    ['an unknown kind', { matchedOn: ['person', 'date-of-birth'] }],
    ['a kind twice', { matchedOn: ['person', 'person'] }],
    ['the case itself as the other case', { otherCaseId: caseId }],
    ['a reference instead of an id', { otherCaseId: 'REP-2026-000001' }],
  ])('given %s, when validated, then it is refused', (_label, change) => {
    expect(PossibleDuplicateFound.schema.safeParse({ ...sample, ...change }).success).toBe(false);
  });
});

describe('the CasesLinked contract', () => {
  const sample = { caseId, otherCaseId, linkId };

  it('given two cases and a link id, when validated, then it passes unchanged', () => {
    expect(CasesLinked.schema.parse(sample)).toEqual(sample);
  });

  it.each([
    ['a reason note', { note: 'same person' }],
    ['a link id that is not a uuid', { linkId: 'link-1' }],
    ['the case itself as the other case', { otherCaseId: caseId }],
  ])('given %s, when validated, then it is refused', (_label, change) => {
    expect(CasesLinked.schema.safeParse({ ...sample, ...change }).success).toBe(false);
  });
});
