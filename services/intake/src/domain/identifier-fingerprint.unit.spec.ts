import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import {
  FingerprintKey,
  normaliseContact,
  normaliseName,
  normaliseText,
  victimFingerprints,
  type IdentifiedVictim,
} from './identifier-fingerprint';

const key = new FingerprintKey(Buffer.alloc(32, 7));
const person = (name: string, change: Partial<Extract<IdentifiedVictim, { kind: 'individual' }>> = {}) =>
  ({ kind: 'individual', name, ageGroup: 'adult', ...change }) as const;
const personPrint = (victim: IdentifiedVictim, stateConcerned = 'BLR', withKey = key) =>
  victimFingerprints(victim, { stateConcerned }, withKey).find((print) => print.kind === 'person')?.value;

describe('normalising names', () => {
  it.each([
    ['Amaranta Quispe', 'QUISPE, Amaranta'],
    ['Amaranta Quispe', '  quispe   amaranta '],
    ['José Núñez', 'Jose Nunez'],
    ['Zoë Ångström', 'ANGSTROM Zoe'],
    ['Łukasz Øster', 'Lukasz Oster'],
    ['Straße', 'STRASSE'],
    ['Amaranta Quispe-Villalobos', 'Quispe Villalobos, Amaranta'],
    ["Siobhán O'Brien", 'OBrien Siobhan'],
    ['Siobhán O’Brien', "Siobhan O'Brien"],
    ['Ｑｕｉｓｐｅ Amaranta', 'Amaranta Quispe'],
    ['İlkay Gündoğan', 'Ilkay Gundogan'],
  ])('given %j and %j, when normalised, then they are one name', (one, other) => {
    expect(normaliseName(one)).toBe(normaliseName(other));
  });

  it.each([
    ['Amaranta Quispe', 'Amaranta Quispe Villalobos'],
    ['Ana Maria', 'Ana Marta'],
    ['Quispe Quispe', 'Quispe'],
  ])('given %j and %j, when normalised, then they stay two names', (one, other) => {
    expect(normaliseName(one)).not.toBe(normaliseName(other));
  });

  it('given a name with diacritics, punctuation and mixed case, when normalised, then its words are lower case, plain and sorted', () => {
    expect(normaliseName('  QUISPÉ,\tAmaranta  (la Maestra) ')).toBe('amaranta la maestra quispe');
    expect(normaliseText('QUISPÉ,\tAmaranta')).toBe('quispe amaranta');
  });

  it('given a name in a script whose vowel signs are not diacritics, when normalised, then they are kept', () => {
    expect(normaliseName('सुनीता')).not.toBe(normaliseName('सनत'));
    expect(normaliseName('Дмитрий Ёлкин')).toBe(normaliseName('елкин дмитрии'));
  });
});

describe('normalising contacts', () => {
  it.each([
    ['+41 22 917 9000', '0041 (22) 917-9000'],
    ['+41 22 917 9000', '41.22.917.9000'],
    ['signal +99 555 0199 7788', '+99-555-0199-7788'],
    ['Amaranta.Quispe@Example.org', 'amaranta.quispe@example.org'],
    ['write to <Amaranta.Quispe@example.org>', 'AMARANTA.QUISPE@EXAMPLE.ORG'],
  ])('given %j and %j, when normalised, then they are one contact', (one, other) => {
    expect(normaliseContact(one)).toEqual(normaliseContact(other));
    expect(normaliseContact(one)).toHaveLength(1);
  });

  it('given phone numbers, when normalised, then only their digits remain', () => {
    expect(normaliseContact('+41 (0)22 917-9000')).toEqual(['phone:410229179000']);
    expect(normaliseContact('0041 22 917 9000')).toEqual(['phone:41229179000']);
    expect(normaliseContact('022 917 9000')).toEqual(['phone:0229179000']);
  });

  it('given an e-mail address and a phone number, when normalised, then both are kept', () => {
    expect(normaliseContact('a.quispe@example.org or +51 1 555 0100')).toEqual([
      'email:a.quispe@example.org',
      'phone:5115550100',
    ]);
  });

  it('given a contact with neither, when normalised, then it is compared as text, and too little text is nothing', () => {
    expect(normaliseContact('Through her lawyer, Lima bar')).toEqual(['text:through her lawyer lima bar']);
    expect(normaliseContact('  – ')).toEqual([]);
    expect(normaliseContact('call 12 34')).toEqual(['text:call 12 34']);
  });
});

describe('fingerprints', () => {
  it('given the same person written two ways, when fingerprinted, then the person fingerprints are equal HMAC-SHA-256 digests', () => {
    const one = personPrint(person('Amaranta Quispe'));
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(personPrint(person('QUISPE, Amaranta'))).toBe(one);
  });

  it('given another age group, State, name or key, when fingerprinted, then the person fingerprint differs', () => {
    const one = personPrint(person('Amaranta Quispe'));
    expect(personPrint(person('Amaranta Quispe', { ageGroup: 'youth' }))).not.toBe(one);
    expect(personPrint(person('Amaranta Quispe'), 'PER')).not.toBe(one);
    expect(personPrint(person('Amaranta Quispa'))).not.toBe(one);
    expect(personPrint(person('Amaranta Quispe'), 'BLR', new FingerprintKey(randomBytes(32)))).not.toBe(one);
  });

  it('given different keys, when their ids are read, then they differ, and the same secret gives the same id', () => {
    const secret = randomBytes(32);
    expect(new FingerprintKey(secret).id).toBe(new FingerprintKey(Buffer.from(secret)).id);
    expect(new FingerprintKey(secret).id).not.toBe(new FingerprintKey(randomBytes(32)).id);
    expect(new FingerprintKey(secret).id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('given a key, when logged or serialised, then its secret does not show', () => {
    const secret = Buffer.alloc(32, 0xab);
    const shown = `${inspect(new FingerprintKey(secret))} ${JSON.stringify(new FingerprintKey(secret))}`;
    expect(shown).not.toContain(secret.toString('hex'));
    expect(shown).not.toContain(secret.toString('base64'));
    expect(() => new FingerprintKey(Buffer.alloc(16))).toThrow('at least 32 bytes');
  });

  it('given a person with aliases and a contact, when fingerprinted, then each name and contact has its own, and none holds the identifier', () => {
    const prints = victimFingerprints(
      person('Amaranta Quispe', { aliases: ['La Maestra', 'QUISPE Amaranta'], contact: '+51 1 555 0100' }),
      { stateConcerned: 'PER' },
      key,
    );
    expect(prints.map((print) => print.kind)).toEqual(['person', 'person', 'contact']);
    expect(JSON.stringify(prints).toLowerCase()).not.toMatch(/quispe|maestra|5550100/);
  });

  it('given an organisation and a person of the same name, when fingerprinted, then the kinds do not match each other', () => {
    const organisation = victimFingerprints(
      { kind: 'organisation', name: 'Tierra Viva', contact: 'info@tierraviva.example' },
      { stateConcerned: 'GTM' },
      key,
    );
    expect(organisation.map((print) => print.kind)).toEqual(['organisation', 'contact']);
    expect(organisation[0]?.value).not.toBe(personPrint(person('Tierra Viva'), 'GTM'));
    expect(
      victimFingerprints({ kind: 'organisation', name: 'VIVA, Tierra' }, { stateConcerned: 'GTM' }, key)[0],
    ).toEqual(organisation[0]);
  });

  it('given a contact shared by a person and an organisation, when fingerprinted, then the contact fingerprints are equal', () => {
    const ofPerson = victimFingerprints(
      person('A B', { contact: 'Info@TierraViva.example' }),
      { stateConcerned: 'GTM' },
      key,
    );
    const ofOrganisation = victimFingerprints(
      { kind: 'organisation', name: 'Tierra Viva', contact: 'info@tierraviva.example' },
      { stateConcerned: 'PER' },
      key,
    );
    expect(ofPerson.find((print) => print.kind === 'contact')).toEqual(
      ofOrganisation.find((print) => print.kind === 'contact'),
    );
  });
});
