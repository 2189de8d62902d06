/**
 * What the vault throws. Messages name a case id, a field name or a configuration variable,
 * never a value, a key or anything read from a sealed text.
 */

/** The case's data key was destroyed (crypto-shredding): nothing sealed for it opens again. */
export class CaseKeyDestroyed extends Error {
  override readonly name = 'CaseKeyDestroyed';

  constructor(readonly caseId: string) {
    super(`The data key of case ${caseId} was destroyed`);
  }
}

/**
 * A sealed value or stream that does not open under the case and field it is opened for: it is
 * malformed, was altered, belongs to another case or field, or the case has no data key.
 */
export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';

  constructor(
    readonly caseId: string,
    readonly field: string,
    reason: string,
  ) {
    super(`A sealed value of case ${caseId} (field ${field}) does not open: ${reason}`);
  }
}

/** The case's data key exists but this process cannot unwrap it (another or a wrong key-encryption key). */
export class DataKeyUnavailableError extends Error {
  override readonly name = 'DataKeyUnavailableError';

  constructor(
    readonly caseId: string,
    reason: string,
  ) {
    super(`The data key of case ${caseId} cannot be unwrapped: ${reason}`);
  }
}

/** A configuration the vault cannot start with; the message names the variable, never a key. */
export class IdentityVaultConfigurationError extends Error {
  override readonly name = 'IdentityVaultConfigurationError';
}
