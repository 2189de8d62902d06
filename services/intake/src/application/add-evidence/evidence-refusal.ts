import {
  BadRequestException,
  ForbiddenException,
  GoneException,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { CaseKeyDestroyed } from '@reprisals/identity-vault';
import { RequestValidationError } from '@reprisals/service-platform';
import {
  EvidenceFormInvalid,
  EvidenceRequestNotMultipart,
  EvidenceTooLarge,
  EvidenceTypeRefused,
  EvidenceUploadAborted,
} from '../../infrastructure/evidence/evidence.errors';
import { CaseNotVisible } from '../case-share-refusal';
import type { Refusal } from '../refusal.auditor';

/** The caller's entity sees the case through a summary share: evidence is part of the full file. */
export class FullFileRequired extends Error {
  override readonly name = 'FullFileRequired';

  constructor() {
    super('The share of this case with your entity covers its summary only');
  }
}

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
  if (error instanceof EvidenceTooLarge) {
    return { reason: 'too-large', answer: new PayloadTooLargeException(error.message) };
  }
  if (error instanceof EvidenceTypeRefused) {
    return {
      reason: error.reason === 'not-allowed' ? 'type-not-allowed' : 'type-mismatch',
      answer: new UnsupportedMediaTypeException(error.message),
    };
  }
  if (error instanceof EvidenceRequestNotMultipart) {
    return { reason: 'not-multipart', answer: new UnsupportedMediaTypeException(error.message) };
  }
  if (error instanceof EvidenceFormInvalid) {
    return { reason: 'invalid', answer: new RequestValidationError(error.issues) };
  }
  if (error instanceof EvidenceUploadAborted) {
    return { reason: 'aborted', answer: new BadRequestException(error.message) };
  }
  return undefined;
}
