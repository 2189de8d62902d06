/**
 * Why an uploaded file is refused or a stored one fails. Messages name limits, field names and
 * ids, never a file name, a text part or anything read from a file. They speak of "a file": the
 * answers a service gives (sealedFileUploadRefusal) name its files in its own words.
 */

/** What is wrong with one part of a form, or with the form as a whole (`(body)`). */
export interface FormFieldIssue {
  field: string;
  message: string;
}

/** The file goes past the size limit: reading stopped there. */
export class SealedFileTooLarge extends Error {
  override readonly name = 'SealedFileTooLarge';

  constructor(readonly maxBytes: number) {
    super(`A file is at most ${maxBytes} bytes`);
  }
}

/**
 * Why a file's type is refused:
 * - `not-allowed`: the declared type is not accepted;
 * - `mismatch`: the file's first bytes do not bear out its declared type;
 * - `content-not-allowed`: the file's first bytes are not those of an accepted type.
 */
export type TypeRefusalReason = 'not-allowed' | 'mismatch' | 'content-not-allowed';

export class SealedFileTypeRefused extends Error {
  override readonly name = 'SealedFileTypeRefused';

  constructor(
    readonly reason: TypeRefusalReason,
    readonly accepted: readonly string[],
  ) {
    super(typeRefusalMessage(reason, accepted));
  }
}

function typeRefusalMessage(reason: TypeRefusalReason, accepted: readonly string[]): string {
  switch (reason) {
    case 'not-allowed':
      return `The file’s type is not accepted; accepted types: ${accepted.join(', ')}`;
    case 'mismatch':
      return 'The file’s content does not match its declared type';
    case 'content-not-allowed':
      return `The file’s content is not of an accepted type; accepted types: ${accepted.join(', ')}`;
  }
}

/** The request is not multipart/form-data. */
export class SealedFileRequestNotMultipart extends Error {
  override readonly name = 'SealedFileRequestNotMultipart';

  constructor() {
    super('A file is sent as multipart/form-data');
  }
}

/** The form lacks its file part, has unknown parts, or a part breaks its rules. */
export class SealedFileFormInvalid extends Error {
  override readonly name = 'SealedFileFormInvalid';

  constructor(readonly issues: FormFieldIssue[]) {
    super(`Invalid file form: ${issues.map((issue) => issue.field).join(', ')}`);
  }
}

/** The client went away before the form was complete. */
export class SealedFileUploadAborted extends Error {
  override readonly name = 'SealedFileUploadAborted';

  constructor() {
    super('The upload ended before the form was complete');
  }
}

/** A stored file no longer matches the size or checksum recorded when it was added. */
export class SealedFileIntegrityError extends Error {
  override readonly name = 'SealedFileIntegrityError';

  constructor(
    readonly fileId: string,
    reason: string,
  ) {
    super(`File ${fileId} failed its integrity check: ${reason}`);
  }
}

/** A row says the file exists, the store has no file of that id. */
export class SealedFileMissing extends Error {
  override readonly name = 'SealedFileMissing';

  constructor(readonly fileId: string) {
    super(`The stored file ${fileId} is missing`);
  }
}
