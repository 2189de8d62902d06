import { InvalidAuditEntryError, parseAuditEntry } from './audit-entry';
import { actingUserAudit } from './audit-actor';

const officer = { kind: 'user', sub: 'officer-1', entity: 'OHCHR', role: 'intake-officer' } as const;

describe('audit entries', () => {
  it('given a person acting through a route, when the entry is parsed, then its ids and codes are kept and the case id is lower-cased', () => {
    const entry = parseAuditEntry({
      ...actingUserAudit({ sub: 'officer-1', entity: 'OHCHR', role: 'intake-officer', policyVersion: '1' }),
      action: 'case:read-identities',
      caseId: '5F0C1A52-2B7E-4D63-9A8E-1C2D3E4F5A6B',
      target: 'GET /intake/allegations/:id',
      outcome: 'allowed',
      requestId: 'request-1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });

    expect(entry).toEqual({
      actor: officer,
      policyVersion: '1',
      action: 'case:read-identities',
      caseId: '5f0c1a52-2b7e-4d63-9a8e-1c2d3e4f5a6b',
      target: 'GET /intake/allegations/:id',
      outcome: 'allowed',
      requestId: 'request-1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
  });

  it('given a service acting on its own rules, when the entry is parsed, then it needs no person', () => {
    expect(
      parseAuditEntry({
        actor: { kind: 'system', service: 'state-communication' },
        action: 'communication:remind',
        outcome: 'allowed',
      }),
    ).toMatchObject({ actor: { kind: 'system', service: 'state-communication' } });
  });

  it('given a denial without a reason, when the entry is parsed, then the reason is named as missing', () => {
    expect(() => parseAuditEntry({ actor: officer, action: 'case:read', outcome: 'denied' })).toThrow(
      'Invalid audit entry: reason is required when the outcome is denied',
    );
  });

  it('given a denial with a fixed reason code, when the entry is parsed, then it is accepted', () => {
    expect(
      parseAuditEntry({ actor: officer, action: 'case:read', outcome: 'denied', reason: 'no-share' }),
    ).toMatchObject({ outcome: 'denied', reason: 'no-share' });
  });

  it('given unknown fields and bad values, when the entry is parsed, then every field is named and no value is echoed', () => {
    const attempt = () =>
      parseAuditEntry({
        actor: { ...officer, name: 'Jane Doe' },
        action: 'Read the file of Jane Doe',
        caseId: 'Jane Doe',
        target: 'Jane\nDoe',
        outcome: 'allowed',
        victimName: 'Jane Doe',
      });

    let error: unknown;
    try {
      attempt();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidAuditEntryError);
    expect((error as InvalidAuditEntryError).fields.map((issue) => issue.field).sort()).toEqual([
      'action',
      'actor.name',
      'caseId',
      'target',
      'victimName',
    ]);
    expect((error as Error).message).not.toContain('Jane');
  });

  it('given free text where an id or a route belongs, when the entry is parsed, then it is refused', () => {
    expect(() =>
      parseAuditEntry({
        actor: officer,
        action: 'case:read',
        target: 'file of Jane Doe',
        outcome: 'allowed',
      }),
    ).toThrow(/^Invalid audit entry: target must be an id or a route/);
    expect(() =>
      parseAuditEntry({ actor: { ...officer, sub: 'Jane Doe' }, action: 'case:read', outcome: 'allowed' }),
    ).toThrow(/actor\.sub/);
  });

  it('given a role the policy does not know, when the entry is parsed, then the role is refused', () => {
    expect(() =>
      parseAuditEntry({ actor: { ...officer, role: 'superuser' }, action: 'case:read', outcome: 'allowed' }),
    ).toThrow(/actor\.role/);
  });
});
