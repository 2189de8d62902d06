import { BadRequestException } from '@nestjs/common';
import { parseAuditQuery } from './audit-query.schema';

function rejection(query: unknown): { message: string; issues: Array<{ field: string; message: string }> } {
  try {
    parseAuditQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as never;
  }
  throw new Error('the query was accepted');
}

describe('the audit query', () => {
  it('given no parameters, when parsed, then the filter is empty', () => {
    expect(parseAuditQuery({})).toEqual({});
    expect(parseAuditQuery(undefined)).toEqual({});
  });

  it('given every parameter, when parsed, then they become the filter, a day given as `to` counting whole', () => {
    expect(
      parseAuditQuery({
        caseId: '5f0c1a52-2b7e-4d63-9a8e-1c2d3e4f5a6b',
        actor: 'officer-1',
        from: '2026-05-01',
        to: '2026-05-31',
        after: '120',
        limit: '50',
      }),
    ).toEqual({
      caseId: '5f0c1a52-2b7e-4d63-9a8e-1c2d3e4f5a6b',
      actorSub: 'officer-1',
      from: new Date('2026-05-01T00:00:00.000Z'),
      to: new Date('2026-06-01T00:00:00.000Z'),
      afterSeq: '120',
      limit: 50,
    });
  });

  it('given instants, when parsed, then they are kept as given', () => {
    expect(parseAuditQuery({ from: '2026-05-01T10:00:00+02:00', to: '2026-05-01T12:00:00Z' })).toEqual({
      from: new Date('2026-05-01T08:00:00.000Z'),
      to: new Date('2026-05-01T12:00:00.000Z'),
    });
  });

  it('given bad values and unknown parameters, when parsed, then a 400 names each field and echoes no value', () => {
    const body = rejection({ caseId: 'Jane Doe', from: 'yesterday', limit: '5000', name: 'Jane Doe' });

    expect(body.message).toBe('Invalid request query: caseId, from, limit, name');
    expect(body.issues.map((issue) => issue.field)).toEqual(['caseId', 'from', 'limit', 'name']);
    expect(JSON.stringify(body)).not.toContain('Jane');
  });

  it('given a parameter repeated, when parsed, then it is refused', () => {
    expect(rejection({ actor: ['a', 'b'] }).issues).toEqual([
      { field: 'actor', message: 'must be given once' },
    ]);
  });
});
