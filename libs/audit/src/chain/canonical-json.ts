/** A value canonical JSON can represent: only what audit records and checkpoints contain. */
export type CanonicalValue =
  null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

/**
 * The JSON Canonicalization Scheme (RFC 8785) for the values the audit trail hashes and signs:
 * object members sorted by the UTF-16 code units of their names, no whitespace, strings escaped
 * as ECMAScript JSON.stringify does (which RFC 8785 adopts), and numbers limited to safe
 * integers, whose shortest form is their decimal digits.
 *
 * Hand-written rather than taken from a library because only primitive ids, strings, integers
 * and ISO dates are ever hashed; anything else (fractions, non-finite numbers, undefined,
 * functions, dates as objects) is refused rather than silently given some form.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError('Canonical JSON here holds safe integers only');
      }
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      if (Array.isArray(value))
        return `[${value.map((item: CanonicalValue) => canonicalJson(item)).join(',')}]`;
      return canonicalObject(value as { readonly [key: string]: CanonicalValue });
    default:
      throw new TypeError(`Canonical JSON cannot represent a value of type ${typeof value}`);
  }
}

function canonicalObject(value: { readonly [key: string]: CanonicalValue }): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError('Canonical JSON holds plain objects only');
  }
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units (RFC 8785 3.2.3).
  const members = Object.keys(value)
    .sort()
    .map((key) => {
      const member = value[key];
      if (member === undefined) throw new TypeError(`Canonical JSON cannot represent undefined (${key})`);
      return `${JSON.stringify(key)}:${canonicalJson(member)}`;
    });
  return `{${members.join(',')}}`;
}
