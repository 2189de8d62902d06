import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditRecordView as AuditRow } from '@reprisals/audit';
import { ManualClock } from '@reprisals/kernel';
import { UN_STATES } from '@reprisals/un-states';
import { engagementWith } from './state-communication.fixture';
import { as, call, queryRows, useStandaloneSystem } from './system.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

const ADMIN = 'admin-7';
const LIAISON = 'state-liaison-3';
const NOW = '2026-11-30T09:00:00.000Z';
const PLACEHOLDER = 'permanent-mission.nic@example.org';
const MISSION = 'mission.nicaragua@example.org';
const NOTE = 'Mission’s note of 12 Nov 2026';

describe('the directory of States and their Permanent Missions', () => {
  const clock = new ManualClock(NOW);
  const system = useStandaloneSystem('mission_directory', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);
  const liaison = () => as('state-liaison', LEAD, LIAISON);
  const admin = () => as('admin', LEAD, ADMIN);

  const read = async (path: string) =>
    call(baseUrl(), 'GET', `/state-communication/missions${path}`, await liaison());
  const change = async (state: string, body: unknown, who = admin()) =>
    call(baseUrl(), 'PUT', `/state-communication/missions/${state}`, { ...(await who), body });
  const codesOf = (answer: { body: { missions: { code: string }[] } }) =>
    answer.body.missions.map((mission) => mission.code);
  const fieldsOf = (answer: { body: { issues: { field: string }[] } }) =>
    answer.body.issues.map((issue) => issue.field).sort();
  const managed = async () => {
    const audit = await call(
      baseUrl(),
      'GET',
      '/state-communication/audit?limit=1000',
      await as('auditor', LEAD, 'auditor-1'),
    );
    expect(audit.status).toBe(200);
    return (audit.body.records as AuditRow[]).filter((row) => row.action === 'mission-directory:manage');
  };

  /** A verified case about `state` with private engagement decided: its letter, approved and sent. */
  const sentTo = async (state: string) => engagementWith(baseUrl, protocol, { state });

  it('given the seeded directory, when a liaison lists it, then every State is there on a placeholder address, and the filters narrow it', async () => {
    const listed = await read('');
    expect(listed.status).toBe(200);
    expect(listed.body.missions).toHaveLength(UN_STATES.length);
    expect(codesOf(listed)).toEqual(UN_STATES.map((state) => state.alpha3));
    expect(
      (listed.body.missions as { placeholder: boolean; updatedBy: string | null }[]).every(
        (mission) => mission.placeholder && mission.updatedBy === null,
      ),
    ).toBe(true);
    const nicaragua = (listed.body.missions as { code: string }[]).find((mission) => mission.code === 'NIC');
    expect(nicaragua).toEqual({
      code: 'NIC',
      name: 'Nicaragua',
      nameFr: 'Nicaragua',
      nameEs: 'Nicaragua',
      status: 'member',
      email: PLACEHOLDER,
      placeholder: true,
      updatedAt: expect.any(String),
      updatedBy: null,
    });
    expect((await read('/VAT')).body).toMatchObject({ code: 'VAT', status: 'observer' });

    expect(codesOf(await read('?q=nicarag'))).toEqual(['NIC']);
    expect(codesOf(await read('?q=NIC'))).toEqual(expect.arrayContaining(['NIC', 'DMA', 'DOM']));
    expect(codesOf(await read('?q=fra&placeholder=true'))).toEqual(['FRA']);
    expect(codesOf(await read('?placeholder=false'))).toEqual([]);

    const unknownField = await read('?colour=red&placeholder=maybe');
    expect(unknownField.status).toBe(400);
    expect(fieldsOf(unknownField)).toEqual(['colour', 'placeholder']);

    const bySupervisor = await call(
      baseUrl(),
      'GET',
      '/state-communication/missions/NIC',
      await as('supervisor', LEAD),
    );
    expect(bySupervisor.status).toBe(200);
    const byOfficer = await call(
      baseUrl(),
      'GET',
      '/state-communication/missions',
      await as('intake-officer', LEAD),
    );
    expect(byOfficer.status).toBe(403);
  });

  it('given an admin, when Nicaragua’s Mission address is set, then the directory, its history and the audit show it, and the next communication to Nicaragua goes there', async () => {
    const changed = await change('NIC', { email: MISSION, note: NOTE });
    expect(changed.status).toBe(200);
    const expected = {
      code: 'NIC',
      name: 'Nicaragua',
      nameFr: 'Nicaragua',
      nameEs: 'Nicaragua',
      status: 'member',
      email: MISSION,
      placeholder: false,
      updatedAt: NOW,
      updatedBy: ADMIN,
    };
    expect(changed.body).toEqual(expected);
    expect((await read('/NIC')).body).toEqual(expected);
    expect(codesOf(await read('?placeholder=false'))).toEqual(['NIC']);
    expect(codesOf(await read('?placeholder=true'))).toHaveLength(UN_STATES.length - 1);

    const history = await read('/NIC/changes');
    expect(history.status).toBe(200);
    expect(history.body).toEqual({
      state: 'NIC',
      changes: [
        {
          id: expect.any(String),
          state: 'NIC',
          previousEmail: PLACEHOLDER,
          email: MISSION,
          note: NOTE,
          changedBy: ADMIN,
          changedAt: NOW,
        },
      ],
    });

    const audited = await managed();
    expect(audited.map((row) => [row.actorSub, row.target, row.outcome, row.reason])).toEqual([
      [ADMIN, 'mission-contact:NIC', 'allowed', null],
    ]);
    expect(audited[0]).toMatchObject({ actorRole: 'admin', actorEntity: LEAD, caseId: null });
    // The audit holds ids and codes only: no address.
    expect(JSON.stringify(audited)).not.toContain('@');

    const sent = await sentTo('NIC');
    const mail = readFileSync(join(system().dispatchDir, `${sent.id}.eml`), 'utf8');
    expect(mail).toContain(`To: ${MISSION}`);
    expect(mail).not.toContain(PLACEHOLDER);
  });

  it('given a state liaison, when it tries to change a Mission’s address, then it is refused and nothing changes', async () => {
    const before = (await read('/NIC')).body;
    const history = (await read('/NIC/changes')).body;
    const refused = await change('NIC', { email: 'someone.else@example.org' }, liaison());
    expect(refused.status).toBe(403);
    expect((await read('/NIC')).body).toEqual(before);
    expect((await read('/NIC/changes')).body).toEqual(history);
    expect(history.changes).toHaveLength(1);
    expect((await managed()).map((row) => [row.actorSub, row.outcome, row.reason])).toContainEqual([
      LIAISON,
      'denied',
      'missing-permission',
    ]);
  });

  it('given bad input, when an admin changes a Mission’s address, then a 400 names every offending field and nothing changes', async () => {
    const before = (await read('/NIC')).body;
    const history = (await read('/NIC/changes')).body;
    const auditedBefore = await managed();

    const badEmail = await change('NIC', { email: 'not an address', note: 'x'.repeat(501) });
    expect(badEmail.status).toBe(400);
    expect(fieldsOf(badEmail)).toEqual(['email', 'note']);
    const unknownField = await change('NIC', { email: 'other.address@example.org', colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect(fieldsOf(unknownField)).toEqual(['colour']);
    const missing = await change('NIC', {});
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing)).toEqual(['email']);

    // The address it already has: nothing to change, nothing to record.
    const same = await change('NIC', { email: MISSION });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(before);

    expect((await read('/NIC')).body).toEqual(before);
    const after = (await read('/NIC/changes')).body;
    expect(after).toEqual(history);
    expect(after.changes).toHaveLength(1);
    expect(await managed()).toEqual(auditedBefore);
  });

  it('given a code of no State, or not a code, when it is read or changed, then 404 or 400 and nothing is written', async () => {
    expect((await read('/XXX')).status).toBe(404);
    expect((await read('/XXX/changes')).status).toBe(404);
    const unknown = await change('XXX', { email: 'mission@example.org' });
    expect(unknown.status).toBe(404);

    const lowerCase = await read('/nic');
    expect(lowerCase.status).toBe(400);
    expect(fieldsOf(lowerCase)).toEqual(['state']);
    expect((await read('/nic/changes')).status).toBe(400);
    const changedLowerCase = await change('nic', { email: 'mission@example.org' });
    expect(changedLowerCase.status).toBe(400);
    expect(fieldsOf(changedLowerCase)).toEqual(['state']);

    const rows = await queryRows<{ state_code: string }>(
      system().database.url,
      `SELECT state_code FROM state_communication.mission_contact WHERE state_code = 'XXX'
        UNION ALL SELECT state_code FROM state_communication.mission_contact_change WHERE state_code <> 'NIC'`,
    );
    expect(rows).toEqual([]);
    expect((await read('/NIC/changes')).body.changes).toHaveLength(1);
    expect((await managed()).map((row) => [row.target, row.outcome, row.reason])).toContainEqual([
      'mission-contact:XXX',
      'denied',
      'unknown-state',
    ]);
  });
});
