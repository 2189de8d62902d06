import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import type { FingerprintKind } from '@reprisals/contracts';

/**
 * Fingerprints of the identifiers of a victim: keyed hashes (HMAC-SHA-256) of normalised
 * identifiers, so that two cases naming the same person, organisation or contact can be found
 * without decrypting either, and so that whoever reads the table without the key learns nothing
 * (a plain hash of a name could be reversed by hashing a list of names).
 *
 * - person: name (and each alias) + age group + State concerned;
 * - organisation: name + State concerned;
 * - contact: each e-mail address and phone number found in the contact, or else the whole
 *   contact as text.
 *
 * Normalisation: Unicode NFKD, diacritics removed, lower case (with the letters NFKD does not
 * decompose folded: ß, æ, ø, ł...), punctuation and spaces collapsed to one space, and the words
 * of a name sorted, so that "QUISPE, Amaranta" and "Amaranta Quispé" are one name. Phone numbers
 * keep their digits only ("+41 22 917-9000" and "0041 22 917 9000" are one number; a national
 * form without the country code is another); e-mail addresses are lower-cased.
 */

/** Bumped when the normalisation changes: fingerprints of another version are never compared. */
export const FINGERPRINT_SCHEME = 'reprisals/duplicate-fingerprint/v1';

/** Letters that NFKD leaves whole but that people type without their stroke or ligature. */
const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};

const COMBINING_MARK = /\p{M}/gu;
const DIACRITIC = /^\p{Diacritic}$/u;
/** Apostrophes join what they separate: O'Brien, O’Brien and OBrien are one name. */
const APOSTROPHES = /['’ʼ‘`´]/g;
const NOT_A_WORD_CHARACTER = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * Text as compared: NFKD, without diacritics, lower case, words separated by one space. Marks
 * that are not diacritics (the vowel signs of Indic scripts, for instance) are kept: they change
 * the name.
 */
export function normaliseText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(COMBINING_MARK, (mark) => (DIACRITIC.test(mark) ? '' : mark))
    .toLowerCase()
    .replace(/[ßæœøłđðþıħŧ]/g, (letter) => FOLDED[letter] ?? letter)
    .replace(APOSTROPHES, '')
    .replace(NOT_A_WORD_CHARACTER, ' ')
    .trim();
}

/** A name as compared: its normalised words in sorted order, whatever order they were written in. */
export function normaliseName(value: string): string {
  const words = normaliseText(value).split(' ').filter(Boolean);
  return words.sort().join(' ');
}

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/g;
/** A phone number: an optional +, a digit, then digits and separators, ending on a digit. */
const PHONE = /\+?\d[\d\s().\/-]*\d/g;
const MIN_PHONE_DIGITS = 7;
const MIN_TEXT_LENGTH = 3;

/**
 * The identifiers a contact holds: each e-mail address (lower case) and each phone number
 * (digits only, an international prefix 00 dropped), or, when it holds neither, the contact as
 * normalised text. Empty when nothing comparable is left.
 */
export function normaliseContact(value: string): string[] {
  const text = value.normalize('NFKC');
  const emails = [...text.matchAll(EMAIL)].map((match) => `email:${match[0].toLowerCase()}`);
  const withoutEmails = text.replace(EMAIL, ' ');
  const phones = [...withoutEmails.matchAll(PHONE)]
    .map((match) => match[0].replace(/\D/g, ''))
    .filter((digits) => digits.length >= MIN_PHONE_DIGITS)
    .map((digits) => `phone:${digits.startsWith('00') ? digits.slice(2) : digits}`);
  if (emails.length + phones.length > 0) return unique([...emails, ...phones]);
  const normalised = normaliseText(text);
  return normalised.length >= MIN_TEXT_LENGTH ? [`text:${normalised}`] : [];
}

/**
 * The secret that keys the fingerprints. Its id (derived from the secret and the scheme) is
 * stored with each fingerprint, so that fingerprints made under another key or normalisation
 * are never compared. The secret never shows in logs, errors or JSON.
 */
export class FingerprintKey {
  readonly id: string;
  readonly #secret: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error('A fingerprint key needs at least 32 bytes');
    this.#secret = Buffer.from(secret);
    this.id = this.hmac(`${FINGERPRINT_SCHEME}/key-id`).slice(0, 16);
  }

  /** HMAC-SHA-256 of the input, in lower-case hex. */
  hmac(input: string): string {
    return createHmac('sha256', this.#secret).update(input, 'utf8').digest('hex');
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }

  [inspect.custom](): string {
    return `FingerprintKey(${this.id})`;
  }
}

/** What identifies a victim, as recorded at intake (see receive-allegation.command.ts). */
export type IdentifiedVictim =
  | {
      kind: 'individual';
      name: string;
      aliases?: readonly string[] | undefined;
      ageGroup?: string | undefined;
      contact?: string | undefined;
    }
  | { kind: 'organisation'; name: string; contact?: string | undefined };

export interface Fingerprint {
  kind: FingerprintKind;
  /** HMAC-SHA-256, 64 lower-case hex digits. */
  value: string;
}

/** Fields of one fingerprint's input are separated by a character normalisation never keeps. */
const SEPARATOR = '\u001f';

/**
 * Every fingerprint of one victim: one per name (the name and each alias) for a person or an
 * organisation, one per identifier of its contact. The State concerned stands for the country.
 */
export function victimFingerprints(
  victim: IdentifiedVictim,
  context: { stateConcerned: string },
  key: FingerprintKey,
): Fingerprint[] {
  const country = context.stateConcerned.toUpperCase();
  const of = (kind: FingerprintKind, ...fields: string[]): Fingerprint => ({
    kind,
    value: key.hmac([FINGERPRINT_SCHEME, kind, ...fields].join(SEPARATOR)),
  });
  const names = unique(
    (victim.kind === 'individual' ? [victim.name, ...(victim.aliases ?? [])] : [victim.name])
      .map(normaliseName)
      .filter(Boolean),
  );
  const fingerprints =
    victim.kind === 'individual'
      ? names.map((name) => of('person', name, victim.ageGroup ?? 'unknown', country))
      : names.map((name) => of('organisation', name, country));
  for (const contact of victim.contact ? normaliseContact(victim.contact) : []) {
    fingerprints.push(of('contact', contact));
  }
  return fingerprints;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
