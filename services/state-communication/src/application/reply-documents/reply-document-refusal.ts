import {
  BadRequestException,
  GoneException,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { CaseKeyDestroyed } from '@reprisals/identity-vault';
import { RequestValidationError, type Refusal } from '@reprisals/service-platform';
import {
  ReplyDocumentFormInvalid,
  ReplyDocumentRequestNotMultipart,
  ReplyDocumentTooLarge,
  ReplyDocumentTypeRefused,
  ReplyDocumentUploadAborted,
} from '../../infrastructure/reply-documents/reply-document.errors';
import { communicationRefusal } from '../communication-steps/communication-refusal';

/** The communication has no reply of that id. */
export class ReplyNotFound extends Error {
  override readonly name = 'ReplyNotFound';

  constructor() {
    super('No such reply');
  }
}

/** The audit reason and the answer for each way a reply document upload is refused. */
export function replyDocumentRefusal(error: unknown): Refusal | undefined {
  const refused = communicationRefusal(error);
  if (refused) return refused;
  if (error instanceof ReplyNotFound)
    return { reason: 'no-reply', answer: new NotFoundException(error.message) };
  if (error instanceof CaseKeyDestroyed) {
    return { reason: 'erased', answer: new GoneException('The personal data of this case was erased') };
  }
  if (error instanceof ReplyDocumentTooLarge) {
    return { reason: 'too-large', answer: new PayloadTooLargeException(error.message) };
  }
  if (error instanceof ReplyDocumentTypeRefused) {
    return { reason: 'type-not-allowed', answer: new UnsupportedMediaTypeException(error.message) };
  }
  if (error instanceof ReplyDocumentRequestNotMultipart) {
    return { reason: 'not-multipart', answer: new UnsupportedMediaTypeException(error.message) };
  }
  if (error instanceof ReplyDocumentFormInvalid) {
    return { reason: 'invalid', answer: new RequestValidationError(error.issues) };
  }
  if (error instanceof ReplyDocumentUploadAborted) {
    return { reason: 'aborted', answer: new BadRequestException(error.message) };
  }
  return undefined;
}
