import type { EventDefinition } from '../integration-event';
import { EVENT_CATALOGUE, EventCatalogue } from '../event-catalogue';
import { Topics } from '../topics';
import { CaseShared } from './case-shared.event';
import { LeadTransferRequested } from './lead-transfer-requested.event';
import { LeadTransferred } from './lead-transferred.event';
import { ShareAccepted } from './share-accepted.event';
import { ShareDeclined } from './share-declined.event';
import { ShareRevoked } from './share-revoked.event';

const caseId = '5f0c2a57-2f1e-4a4e-9d0b-3c1f6f0a9b11';
const shareId = '0b5e8f0e-6a4d-4c59-8d0f-2b8e5a7c1d22';
const transferId = '9a3f1c4d-7e2b-4f6a-b1c8-4d5e6f7a8b33';

const samples: Array<[EventDefinition, Record<string, unknown>]> = [
  [
    CaseShared,
    {
      caseId,
      shareId,
      leadEntity: 'OHCHR-COL',
      entity: 'SPECIAL-PROCEDURES',
      scope: 'summary',
      expiresAt: '2027-05-01T00:00:00.000Z',
      consentBasis: 'consent',
    },
  ],
  [ShareAccepted, { caseId, shareId, entity: 'SPECIAL-PROCEDURES' }],
  [ShareDeclined, { caseId, shareId, entity: 'SPECIAL-PROCEDURES' }],
  [ShareRevoked, { caseId, shareId, entity: 'SPECIAL-PROCEDURES' }],
  [LeadTransferRequested, { caseId, transferId, fromEntity: 'OHCHR-COL', toEntity: 'OHCHR' }],
  [LeadTransferred, { caseId, transferId, fromEntity: 'OHCHR-COL', toEntity: 'OHCHR' }],
];

describe('the event catalogue', () => {
  it('given every declared event, when indexed by wire type, then no wire type, nor name of one producer, appears twice', () => {
    const wireTypes = EVENT_CATALOGUE.map((definition) => definition.wireType);
    const types = EVENT_CATALOGUE.map((definition) => `${definition.producer}:${definition.type}`);

    expect(new Set(wireTypes).size).toBe(wireTypes.length);
    expect(new Set(types).size).toBe(types.length);
    expect(() => new EventCatalogue()).not.toThrow();
  });

  it('given every declared event, when its wire type and topic are read, then they name its producer', () => {
    for (const definition of EVENT_CATALOGUE) {
      expect(definition.wireType).toMatch(
        new RegExp(`^org\\.un\\.reprisals\\.${definition.producer}\\.[a-z-]+$`),
      );
      expect(definition.topic).toBe(Topics[definition.producer]);
    }
  });

  it('given the sharing events, when the catalogue is read, then each is declared by intake at version 1', () => {
    for (const [definition] of samples) {
      expect(new EventCatalogue().findByWireType(definition.wireType)).toBe(definition);
      expect(definition).toMatchObject({ producer: 'intake', topic: Topics.intake, version: 1 });
    }
  });
});

describe.each(samples.map(([definition, sample]) => ({ name: definition.type, definition, sample })))(
  'the $name contract',
  ({ definition, sample }) => {
    it('given a complete sample, when validated, then it passes unchanged', () => {
      expect(definition.schema.parse(sample)).toEqual(sample);
    });

    it('given a sample with an unknown field, when validated, then it is refused', () => {
      const result = definition.schema.safeParse({ ...sample, victimName: 'must never travel' });
      expect(result.success).toBe(false);
    });

    it('given a sample whose case id is not a uuid, when validated, then it is refused', () => {
      expect(definition.schema.safeParse({ ...sample, caseId: 'REP-2026-000001' }).success).toBe(false);
    });
  },
);

describe('the CaseShared contract', () => {
  const [, sample] = samples[0]!;

  it('given no expiry, when validated, then the share is open-ended', () => {
    const { expiresAt: _expiresAt, ...withoutExpiry } = sample;
    expect(CaseShared.schema.safeParse(withoutExpiry).success).toBe(true);
  });

  it.each([
    ['an unknown scope', { scope: 'partial' }],
    ['an unknown consent basis', { consentBasis: 'implied' }],
    ['an expiry that is a date only', { expiresAt: '2027-05-01' }],
    ['a receiving entity that is not an entity code', { entity: 'Special procedures' }],
    ['a share id that is not a uuid', { shareId: 'share-1' }],
  ])('given %s, when validated, then it is refused', (_label, change) => {
    expect(CaseShared.schema.safeParse({ ...sample, ...change }).success).toBe(false);
  });
});
