const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD = /^[A-Za-z][A-Za-z0-9_.:/-]{0,127}$/;

/** What a sealed value or stream is bound to: the case it belongs to and the field it fills. */
export interface SealingContext {
  /** Lower-case UUID, as PostgreSQL prints it. */
  readonly caseId: string;
  readonly field: string;
}

/**
 * Checks and normalises a case id and a field name. Field names are codes chosen by the service
 * (`victim.name`, `source.contact`, `attachment/<id>`), so errors may name them; a malformed case
 * id is not echoed.
 */
export function sealingContext(caseId: string, field: string): SealingContext {
  if (typeof caseId !== 'string' || !UUID.test(caseId)) throw new TypeError('A case id is a UUID');
  if (typeof field !== 'string' || !FIELD.test(field)) {
    throw new TypeError(
      'A sealed field name is 1 to 128 letters, digits or . _ : / -, starting with a letter',
    );
  }
  return { caseId: caseId.toLowerCase(), field };
}

export function normalisedCaseId(caseId: string): string {
  if (typeof caseId !== 'string' || !UUID.test(caseId)) throw new TypeError('A case id is a UUID');
  return caseId.toLowerCase();
}

/**
 * Additional authenticated data of a sealed value or stream: the purpose, the case and the field
 * (NUL cannot occur in either, so the encoding is unambiguous). A value opened under another case
 * or field, or a value opened as a stream, fails authentication.
 */
export function additionalData(purpose: 'value' | 'stream', context: SealingContext): Buffer {
  return Buffer.from(`reprisals/identity-vault/${purpose}/v1\0${context.caseId}\0${context.field}`, 'utf8');
}
