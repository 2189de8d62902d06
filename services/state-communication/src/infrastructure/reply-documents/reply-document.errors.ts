import type { FieldIssue } from '@reprisals/service-platform';

/**
 * Why a reply document is refused or fails. Messages name limits, field names and ids, never a
 * file name or anything read from a file.
 */

/** The file goes past the size limit: reading stopped there. */
export class ReplyDocumentTooLarge extends Error {
  override readonly name = 'ReplyDocumentTooLarge';

  constructor(readonly maxBytes: number) {
    super(`A reply document is at most ${maxBytes} bytes`);
  }
}

/** The file's first bytes are not those of an accepted type. */
export class ReplyDocumentTypeRefused extends Error {
  override readonly name = 'ReplyDocumentTypeRefused';

  constructor(readonly accepted: readonly string[]) {
    super(`The file’s content is not of an accepted type; accepted types: ${accepted.join(', ')}`);
  }
}

/** The request is not multipart/form-data. */
export class ReplyDocumentRequestNotMultipart extends Error {
  override readonly name = 'ReplyDocumentRequestNotMultipart';

  constructor() {
    super('A reply document is sent as multipart/form-data');
  }
}

/** The form lacks its file part, has unknown parts, or is broken. */
export class ReplyDocumentFormInvalid extends Error {
  override readonly name = 'ReplyDocumentFormInvalid';

  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid reply document form: ${issues.map((issue) => issue.field).join(', ')}`);
  }
}

/** The client went away before the form was complete. */
export class ReplyDocumentUploadAborted extends Error {
  override readonly name = 'ReplyDocumentUploadAborted';

  constructor() {
    super('The upload ended before the form was complete');
  }
}

/** A stored document no longer matches the size or checksum recorded when it was added. */
export class ReplyDocumentIntegrityError extends Error {
  override readonly name = 'ReplyDocumentIntegrityError';

  constructor(
    readonly documentId: string,
    reason: string,
  ) {
    super(`Reply document ${documentId} failed its integrity check: ${reason}`);
  }
}
