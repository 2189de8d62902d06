import { ForbiddenException, GoneException, NotFoundException } from '@nestjs/common';
import { CaseKeyDestroyed } from '@reprisals/identity-vault';
import { sealedFileUploadRefusal, type SealedFileAnswers } from '@reprisals/sealed-files';
import { RequestValidationError } from '@reprisals/service-platform';
import { CaseNotVisible } from '../case-share-refusal';
import type { Refusal } from '../refusal.auditor';

/** The caller's entity sees the case through a summary share: evidence is part of the full file. */
export class FullFileRequired extends Error {
  override readonly name = 'FullFileRequired';

  constructor() {
    super('The share of this case with your entity covers its summary only');
  }
}

/** How the refusals of an evidence upload name the file and its form's faults. */
const EVIDENCE_ANSWERS: SealedFileAnswers = {
  aFile: 'An evidence file',
  invalidForm: (issues) => new RequestValidationError(issues),
};

/** The audit reason and the answer for each way an evidence upload is refused. */
export function evidenceRefusal(error: unknown): Refusal | undefined {
  if (error instanceof CaseNotVisible)
    return { reason: 'no-share', answer: new NotFoundException('No such case') };
  if (error instanceof FullFileRequired) {
    return { reason: 'summary-share', answer: new ForbiddenException(error.message) };
  }
  if (error instanceof CaseKeyDestroyed) {
    return { reason: 'erased', answer: new GoneException('The personal data of this case was erased') };
  }
  return sealedFileUploadRefusal(error, EVIDENCE_ANSWERS);
}
