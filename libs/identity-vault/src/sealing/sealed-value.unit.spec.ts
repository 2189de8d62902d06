import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { SealedValueError } from '../errors/identity-vault.errors';
import { openSealedValue, sealValue } from './sealed-value';
import { sealingContext } from './sealing-context';

const BASE64URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('sealed values', () => {
  const key = createSecretKey(randomBytes(32));
  const caseId = randomUUID();
  const name = sealingContext(caseId, 'victim.name');
  const plaintext = 'Nadia K., née Łukaszewicz — 🕊';

  it('given a value sealed for a case and field, when it is opened for the same, then the plaintext comes back', () => {
    const sealed = sealValue(key, name, plaintext);

    expect(openSealedValue(key, name, sealed)).toBe(plaintext);
    expect(openSealedValue(key, name, sealValue(key, name, ''))).toBe('');
  });

  it('given a sealed value, when its text is read, then it is v1 with IV, tag and ciphertext in base64url and no plaintext', () => {
    const sealed = sealValue(key, name, plaintext);

    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    const [, iv, tag, ciphertext] = sealed.split(':');
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength(Buffer.byteLength(plaintext));
    expect(sealed).not.toContain('Nadia');
  });

  it('given the same plaintext sealed twice, when the texts are compared, then they differ (a fresh IV each time)', () => {
    expect(sealValue(key, name, plaintext)).not.toBe(sealValue(key, name, plaintext));
  });

  it('given a value sealed for one case, when it is opened for another case or another field, then it fails', () => {
    const sealed = sealValue(key, name, plaintext);

    expect(() => openSealedValue(key, sealingContext(randomUUID(), 'victim.name'), sealed)).toThrow(
      SealedValueError,
    );
    expect(() => openSealedValue(key, sealingContext(caseId, 'source.name'), sealed)).toThrow(
      'it was altered, or was sealed for another case or field',
    );
  });

  it('given a value sealed under one data key, when it is opened under another, then it fails', () => {
    const sealed = sealValue(key, name, plaintext);

    expect(() => openSealedValue(createSecretKey(randomBytes(32)), name, sealed)).toThrow(SealedValueError);
  });

  it('given a case id in upper case, when a value is sealed and opened, then the case id is the same case', () => {
    const sealed = sealValue(key, sealingContext(caseId.toUpperCase(), 'victim.name'), plaintext);

    expect(openSealedValue(key, name, sealed)).toBe(plaintext);
  });

  it('given a sealed text, when any one of its characters is changed, then it no longer opens', () => {
    const sealed = sealValue(key, name, plaintext);
    const failures = [...sealed].map((character, index) => {
      const replacement =
        character === ':' ? 'A' : BASE64URL_CHARS[(BASE64URL_CHARS.indexOf(character) + 1) % 64]!;
      const tampered = sealed.slice(0, index) + replacement + sealed.slice(index + 1);
      try {
        openSealedValue(key, name, tampered);
        return 'opened';
      } catch (error) {
        return error instanceof SealedValueError ? 'refused' : 'other error';
      }
    });

    expect(new Set(failures)).toEqual(new Set(['refused']));
  });

  it('given a sealed text cut, extended, re-versioned or with its parts swapped, when opened, then it is refused', () => {
    const sealed = sealValue(key, name, plaintext);
    const [version, iv, tag, ciphertext] = sealed.split(':');
    const variants = [
      sealed.slice(0, -1),
      `${sealed}A`,
      `${sealed}:`,
      `v2:${iv}:${tag}:${ciphertext}`,
      `${version}:${tag}:${iv}:${ciphertext}`,
      `${version}:${iv}:${tag}`,
      '',
      plaintext,
    ];

    for (const variant of variants) {
      expect(() => openSealedValue(key, name, variant)).toThrow(SealedValueError);
    }
  });

  it('given a refused value, when the error is read, then it names the case and field and never the content', () => {
    const sealed = sealValue(key, name, plaintext);
    let caught: unknown;
    try {
      openSealedValue(key, sealingContext(caseId, 'source.name'), sealed);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(SealedValueError);
    expect((caught as Error).message).toBe(
      `A sealed value of case ${caseId} (field source.name) does not open: it was altered, or was sealed for another case or field`,
    );
    expect((caught as Error).message).not.toContain(sealed.split(':')[3]);
  });

  it('given a malformed case id or field name, when a context is made, then it is refused without echoing the id', () => {
    expect(() => sealingContext('not-a-uuid; DROP TABLE', 'victim.name')).toThrow(/^A case id is a UUID$/);
    expect(() => sealingContext(caseId, '')).toThrow('A sealed field name is 1 to 128 letters');
    expect(() => sealingContext(caseId, 'victim\0name')).toThrow('A sealed field name');
    expect(sealingContext(caseId, `attachment/${randomUUID()}`).field).toMatch(/^attachment\//);
  });
});
