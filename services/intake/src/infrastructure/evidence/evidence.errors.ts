import type { FieldIssue } from '@reprisals/service-platform';

/**
 * Why an evidence file is refused or fails. Messages name limits, field names and ids, never a
 * file name, a description or anything read from a file.
 */

/** The file goes past ATTACHMENT_MAX_BYTES: reading stopped there. */
export class EvidenceTooLarge extends Error {
  override readonly name = 'EvidenceTooLarge';

  constructor(readonly maxBytes: number) {
    super(`An evidence file is at most ${maxBytes} bytes`);
  }
}

/** The declared type is not in ATTACHMENT_CONTENT_TYPES, or the file's first bytes say otherwise. */
export class EvidenceTypeRefused extends Error {
  override readonly name = 'EvidenceTypeRefused';

  constructor(
    readonly reason: 'not-allowed' | 'mismatch',
    readonly accepted: readonly string[],
  ) {
    super(
      reason === 'not-allowed'
        ? `The file’s type is not accepted; accepted types: ${accepted.join(', ')}`
        : 'The file’s content does not match its declared type',
    );
  }
}

/** The request is not multipart/form-data. */
export class EvidenceRequestNotMultipart extends Error {
  override readonly name = 'EvidenceRequestNotMultipart';

  constructor() {
    super('An evidence file is sent as multipart/form-data');
  }
}

/** The form lacks its file part, has unknown parts, or a part breaks its rules. */
export class EvidenceFormInvalid extends Error {
  override readonly name = 'EvidenceFormInvalid';

  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid evidence form: ${issues.map((issue) => issue.field).join(', ')}`);
  }
}

/** The client went away before the form was complete. */
export class EvidenceUploadAborted extends Error {
  override readonly name = 'EvidenceUploadAborted';

  constructor() {
    super('The upload ended before the form was complete');
  }
}

/** A stored evidence file no longer matches the size or checksum recorded when it was added. */
export class EvidenceIntegrityError extends Error {
  override readonly name = 'EvidenceIntegrityError';

  constructor(
    readonly attachmentId: string,
    reason: string,
  ) {
    super(`Evidence file ${attachmentId} failed its integrity check: ${reason}`);
  }
}
