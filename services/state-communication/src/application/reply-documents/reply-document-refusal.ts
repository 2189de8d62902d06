import { GoneException, NotFoundException } from '@nestjs/common';
import { CaseKeyDestroyed } from '@reprisals/identity-vault';
import { sealedFileUploadRefusal, type SealedFileAnswers } from '@reprisals/sealed-files';
import { RequestValidationError, type Refusal } from '@reprisals/service-platform';
import { communicationRefusal } from '../communication-steps/communication-refusal';

/** The communication has no reply of that id. */
export class ReplyNotFound extends Error {
  override readonly name = 'ReplyNotFound';

  constructor() {
    super('No such reply');
  }
}

/** How the refusals of a reply document upload name the file and its form's faults. */
const REPLY_DOCUMENT_ANSWERS: SealedFileAnswers = {
  aFile: 'A reply document',
  invalidForm: (issues) => new RequestValidationError(issues),
};

/** The audit reason and the answer for each way a reply document upload is refused. */
export function replyDocumentRefusal(error: unknown): Refusal | undefined {
  const refused = communicationRefusal(error);
  if (refused) return refused;
  if (error instanceof ReplyNotFound)
    return { reason: 'no-reply', answer: new NotFoundException(error.message) };
  if (error instanceof CaseKeyDestroyed) {
    return { reason: 'erased', answer: new GoneException('The personal data of this case was erased') };
  }
  return sealedFileUploadRefusal(error, REPLY_DOCUMENT_ANSWERS);
}
