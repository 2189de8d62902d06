import type { AuditRecordView as AuditRow } from '@reprisals/audit';
import { call, tokenFor, useStandaloneSystem, validAllegation, type RunningProcess } from './system.fixture';

const OVERRIDE = 'Imminent risk: the mission must act before the hearing';

describe('the registry of UN entities and their focal points', () => {
  const system = useStandaloneSystem('entity_registry');
  let running: RunningProcess;

  beforeAll(() => {
    ({ running } = system());
  });

  const asAdmin = async (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
    call(running.baseUrl, method, path, {
      token: await tokenFor('admin', 'OHCHR', 'admin-1'),
      ...(body === undefined ? {} : { body }),
    });

  const offerTo = async (entity: string) => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      token: await tokenFor('intake-officer', 'OHCHR'),
      body: validAllegation,
    });
    const offered = await call(running.baseUrl, 'POST', `/intake/allegations/${created.body.id}/shares`, {
      token: await tokenFor('supervisor', 'OHCHR'),
      body: {
        entity,
        purpose: 'The mission follows up on the detention',
        scope: 'summary',
        overrideReason: OVERRIDE,
      },
    });
    return {
      caseId: created.body.id as string,
      status: offered.status,
      shareId: offered.body.shareId as string,
    };
  };

  it('given the seeded registry, when any role reads it, then the main entities are there and only admins edit it', async () => {
    const listed = await call(running.baseUrl, 'GET', '/intake/entities', {
      token: await tokenFor('reporting-analyst', 'UNDP'),
    });
    expect(listed.status).toBe(200);
    const codes = (listed.body.entities as { code: string }[]).map((entity) => entity.code);
    expect(codes).toEqual(expect.arrayContaining(['OHCHR', 'SPECIAL-PROCEDURES', 'TREATY-BODIES', 'UNHCR']));

    const byOfficer = await call(running.baseUrl, 'POST', '/intake/entities', {
      token: await tokenFor('intake-officer', 'OHCHR'),
      body: { code: 'OHCHR-SEN', kind: 'field-presence', name: 'OHCHR West Africa', parent: 'OHCHR' },
    });
    expect(byOfficer.status).toBe(403);
  });

  it('given an admin, when a field presence is registered, changed and given a focal point, then only that focal point answers its shares, and every edit is audited', async () => {
    const registered = await asAdmin('POST', '/intake/entities', {
      code: 'OHCHR-SEN',
      kind: 'field-presence',
      name: 'OHCHR Regional Office for West Africa',
      parent: 'OHCHR',
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({
      code: 'OHCHR-SEN',
      kind: 'field-presence',
      name: 'OHCHR Regional Office for West Africa',
      parent: 'OHCHR',
      active: true,
      focalPoints: [],
    });
    expect((await asAdmin('POST', '/intake/entities', registered.body)).status).toBe(400);
    const again = await asAdmin('POST', '/intake/entities', {
      code: 'OHCHR-SEN',
      kind: 'field-presence',
      name: 'Another name',
    });
    expect(again.status).toBe(409);
    const badParent = await asAdmin('PATCH', '/intake/entities/OHCHR', {
      parent: 'OHCHR-SEN',
      colour: 'red',
    });
    expect(badParent.status).toBe(400);
    expect(badParent.body.issues).toEqual([{ field: 'colour', message: 'is not a known field' }]);
    const cycle = await asAdmin('PATCH', '/intake/entities/OHCHR', { parent: 'OHCHR-SEN' });
    expect(cycle.status).toBe(400);
    expect(cycle.body.issues).toEqual([{ field: 'parent', message: expect.stringContaining('no cycles') }]);

    const designated = await asAdmin('PUT', '/intake/entities/OHCHR-SEN/focal-points/fp-sen-1');
    expect(designated.status).toBe(200);
    expect(designated.body.focalPoints).toEqual(['fp-sen-1']);

    const { caseId, shareId, status } = await offerTo('OHCHR-SEN');
    expect(status).toBe(201);
    const byColleague = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shareId}/accept`,
      { token: await tokenFor('focal-point', 'OHCHR-SEN', 'officer-sen-2') },
    );
    expect(byColleague.status).toBe(403);
    const byFocalPoint = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shareId}/accept`,
      { token: await tokenFor('focal-point', 'OHCHR-SEN', 'fp-sen-1') },
    );
    expect(byFocalPoint.status).toBe(200);

    const deactivated = await asAdmin('PATCH', '/intake/entities/OHCHR-SEN', { active: false });
    expect(deactivated.body).toMatchObject({ active: false, focalPoints: ['fp-sen-1'] });
    const toInactive = await offerTo('OHCHR-SEN');
    expect(toInactive.status).toBe(400);
    expect((await asAdmin('DELETE', '/intake/entities/OHCHR-SEN/focal-points/someone-else')).status).toBe(
      404,
    );
    expect(
      (await asAdmin('DELETE', '/intake/entities/OHCHR-SEN/focal-points/fp-sen-1')).body.focalPoints,
    ).toEqual([]);

    const audit = await call(running.baseUrl, 'GET', '/intake/audit', {
      token: await tokenFor('auditor', 'OHCHR'),
    });
    const steps = (audit.body.records as AuditRow[])
      .filter((row) => row.action === 'entity:manage')
      .map((row) => [row.target, row.outcome, row.reason]);
    expect(steps).toEqual([
      // the officer's attempt in the test above
      ['/intake/entities', 'denied', 'missing-permission'],
      ['entity:OHCHR-SEN', 'allowed', null],
      ['entity:OHCHR-SEN', 'denied', 'already-registered'],
      ['entity:OHCHR', 'denied', 'invalid'],
      ['focal-point:OHCHR-SEN:fp-sen-1', 'allowed', null],
      ['entity:OHCHR-SEN', 'allowed', null],
      ['focal-point:OHCHR-SEN:someone-else', 'denied', 'not-designated'],
      ['focal-point:OHCHR-SEN:fp-sen-1', 'allowed', null],
    ]);
    const refusedAnswer = (audit.body.records as AuditRow[]).find(
      (row) => row.caseId === caseId && row.action === 'share:respond' && row.outcome === 'denied',
    );
    expect(refusedAnswer).toMatchObject({ reason: 'not-focal-point' });
  });

  it('given an entity with a focal point, when a lead transfer to it is accepted, then only its focal point may take the case over', async () => {
    await asAdmin('POST', '/intake/entities', {
      code: 'OHCHR-PAN',
      kind: 'field-presence',
      name: 'OHCHR Regional Office for Central America',
      parent: 'OHCHR',
    });
    await asAdmin('PUT', '/intake/entities/OHCHR-PAN/focal-points/fp-pan-1');
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      token: await tokenFor('intake-officer', 'OHCHR'),
      body: validAllegation,
    });
    const requested = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${created.body.id}/lead-transfers`,
      {
        token: await tokenFor('supervisor', 'OHCHR'),
        body: { toEntity: 'OHCHR-PAN', overrideReason: OVERRIDE },
      },
    );
    expect(requested.status).toBe(201);
    const acceptPath = `/intake/allegations/${created.body.id}/lead-transfers/${requested.body.transferId}/accept`;
    const byColleague = await call(running.baseUrl, 'POST', acceptPath, {
      token: await tokenFor('supervisor', 'OHCHR-PAN', 'supervisor-pan-2'),
    });
    expect(byColleague.status).toBe(403);
    const byFocalPoint = await call(running.baseUrl, 'POST', acceptPath, {
      token: await tokenFor('focal-point', 'OHCHR-PAN', 'fp-pan-1'),
    });
    expect(byFocalPoint).toMatchObject({ status: 200, body: { leadEntity: 'OHCHR-PAN' } });
  });
});
