/**
 * Which files intake accepts as evidence: a media type of the configured allow-list, declared
 * by the client AND borne out by the file's first bytes (its magic number, read by `file-type`),
 * so that an executable or an archive does not get in under the name of a PDF.
 */

/** Other names clients give to the types of the allow-list, and file-type's names for them. */
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
  { accepted: true; contentType: string } | { accepted: false; reason: 'not-allowed' | 'mismatch' };

/**
 * The type a file is kept under, or why it is refused.
 *
 * - `declared`: the part's Content-Type, as the client sent it;
 * - `detected`: what the first bytes say (file-type's MIME type), undefined when they say nothing,
 *   as for plain text, which has no magic number: then only a textual type of the allow-list is
 *   accepted, and only for UTF-8 text without NUL bytes.
 */
export function judgeContent(
  declared: string,
  detected: string | undefined,
  sample: Uint8Array,
  allowList: readonly string[],
): ContentVerdict {
  const contentType = canonicalContentType(declared);
  if (!allowList.includes(contentType)) return { accepted: false, reason: 'not-allowed' };
  if (detected === undefined) {
    return contentType.startsWith('text/') && looksLikeUtf8Text(sample)
      ? { accepted: true, contentType }
      : { accepted: false, reason: 'mismatch' };
  }
  return canonicalContentType(detected) === contentType
    ? { accepted: true, contentType }
    : { accepted: false, reason: 'mismatch' };
}

export function isAllowedContentType(declared: string, allowList: readonly string[]): boolean {
  return allowList.includes(canonicalContentType(declared));
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
