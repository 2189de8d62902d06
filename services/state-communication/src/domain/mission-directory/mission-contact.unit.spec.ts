import { changeMissionContact, UnknownState, type MissionContact } from './mission-contact';

const at = new Date('2026-11-30T09:00:00.000Z');
const by = { sub: 'admin-1', at, changeId: '6a0c1b8e-4f55-4d3a-9a41-0d1e8f3c2b10' };

const placeholder: MissionContact = {
  stateCode: 'NIC',
  email: 'permanent-mission.nic@example.org',
  placeholder: true,
  updatedAt: new Date('2026-01-01T00:00:00.000Z'),
  updatedBy: null,
};

describe('changing a Permanent Mission’s contact', () => {
  it('given a placeholder, when an admin sets the address, then it is real and the change keeps the old one and why', () => {
    const changed = changeMissionContact(
      placeholder,
      'NIC',
      { email: 'mission@nicaragua.example', note: 'Mission’s note of 12 Nov 2026' },
      by,
    );
    expect(changed?.contact).toEqual({
      stateCode: 'NIC',
      email: 'mission@nicaragua.example',
      placeholder: false,
      updatedAt: at,
      updatedBy: 'admin-1',
    });
    expect(changed?.change).toEqual({
      id: by.changeId,
      stateCode: 'NIC',
      previousEmail: 'permanent-mission.nic@example.org',
      email: 'mission@nicaragua.example',
      note: 'Mission’s note of 12 Nov 2026',
      changedBy: 'admin-1',
      changedAt: at,
    });
  });

  it('given a real address, when an admin sets the same one again, then nothing changes', () => {
    const real = { ...placeholder, email: 'mission@nicaragua.example', placeholder: false };
    expect(changeMissionContact(real, 'NIC', { email: 'mission@nicaragua.example' }, by)).toBeUndefined();
  });

  it('given a placeholder, when an admin confirms the same address, then it becomes real', () => {
    const changed = changeMissionContact(placeholder, 'NIC', { email: placeholder.email }, by);
    expect(changed?.contact.placeholder).toBe(false);
    expect(changed?.change).toMatchObject({ previousEmail: placeholder.email, note: null });
  });

  it('given a State with no contact yet, when an admin sets one, then the change has no previous address', () => {
    const changed = changeMissionContact(undefined, 'NIC', { email: 'mission@nicaragua.example' }, by);
    expect(changed?.change.previousEmail).toBeNull();
  });

  it('given a code of no UN Member or Observer State, when an admin sets an address, then it is refused', () => {
    expect(() => changeMissionContact(undefined, 'XXX', { email: 'mission@example.org' }, by)).toThrow(
      UnknownState,
    );
  });
});
