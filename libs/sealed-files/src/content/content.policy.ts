import type { TypeRefusalReason } from '../errors/sealed-file.errors';

/** Other names clients give to accepted types, and file-type's names for them. */
const ALIASES: Readonly<Record<string, string>> = {
  'audio/mp3': 'audio/mpeg',
  'audio/x-mp3': 'audio/mpeg',
  'audio/x-mpeg': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  // HEIC is HEIF holding HEVC images: phones' photos are detected as either.
  'image/heif': 'image/heic',
};

/** `Audio/MP3; charset=x` -> `audio/mpeg`: lower case, no parameters, aliases resolved. */
export function canonicalContentType(type: string): string {
  const bare = (type.split(';')[0] ?? '').trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

export type ContentVerdict =
  { accepted: true; contentType: string } | { accepted: false; reason: TypeRefusalReason };

/**
 * Which files are accepted, judged from the type a part declares and from what its first bytes
 * say (their magic number, read by `file-type`), so that an executable or an archive does not
 * get in under the name of a PDF.
 */
export interface ContentPolicy {
  /** The media types accepted, as a refusal lists them. */
  readonly accepted: readonly string[];
  /** Why a part is refused on its declared type alone, before a byte of it is read; undefined to read on. */
  refuseDeclared(declared: string): TypeRefusalReason | undefined;
  /**
   * The type a file is kept under, or why it is refused. `detected` is file-type's reading of
   * `sample`, undefined when its first bytes say nothing.
   */
  judge(declared: string, detected: string | undefined, sample: Uint8Array): ContentVerdict;
}

/**
 * A media type of `allowList`, declared by the client AND borne out by the file's first bytes.
 * Plain text has no magic number: a textual type of the list is accepted for UTF-8 text without
 * NUL bytes. Types are compared canonical (canonicalContentType).
 */
export function declaredTypeBorneOutByContent(allowList: readonly string[]): ContentPolicy {
  const allowed = (type: string) => allowList.includes(canonicalContentType(type));
  return {
    accepted: allowList,
    refuseDeclared: (declared) => (allowed(declared) ? undefined : 'not-allowed'),
    judge: (declared, detected, sample) => {
      const contentType = canonicalContentType(declared);
      if (!allowed(contentType)) return { accepted: false, reason: 'not-allowed' };
      if (detected === undefined) {
        return contentType.startsWith('text/') && looksLikeUtf8Text(sample)
          ? { accepted: true, contentType }
          : { accepted: false, reason: 'mismatch' };
      }
      return canonicalContentType(detected) === contentType
        ? { accepted: true, contentType }
        : { accepted: false, reason: 'mismatch' };
    },
  };
}

/**
 * A file whose first bytes are those of a type of `allowList` (file-type's names), kept under
 * that type: what the client declares does not count.
 */
export function typeReadFromContent(allowList: readonly string[]): ContentPolicy {
  return {
    accepted: allowList,
    refuseDeclared: () => undefined,
    judge: (_declared, detected) =>
      detected !== undefined && allowList.includes(detected)
        ? { accepted: true, contentType: detected }
        : { accepted: false, reason: 'content-not-allowed' },
  };
}

/** UTF-8 without NUL (a sample may end inside a character: that is not held against it). */
function looksLikeUtf8Text(sample: Uint8Array): boolean {
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}
