import {
  BadRequestException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type HttpException,
} from '@nestjs/common';
import {
  SealedFileFormInvalid,
  SealedFileRequestNotMultipart,
  SealedFileTooLarge,
  SealedFileTypeRefused,
  SealedFileUploadAborted,
  type FormFieldIssue,
} from '../errors/sealed-file.errors';

/** How a service answers the refusals of its uploads. */
export interface SealedFileAnswers {
  /** One of the service's files, to start a sentence: `An evidence file`. */
  aFile: string;
  /** The 400 naming every offending part of a form. */
  invalidForm: (issues: FormFieldIssue[]) => HttpException;
}

/** A refused upload: the reason its audit record gives, and the answer. */
export interface SealedFileRefusal {
  reason: string;
  answer: HttpException;
}

/**
 * The audit reason and the answer for each way an upload is refused by readSealedFileForm or
 * refuseAnnouncedOversize; undefined for any other error.
 */
export function sealedFileUploadRefusal(
  error: unknown,
  answers: SealedFileAnswers,
): SealedFileRefusal | undefined {
  if (error instanceof SealedFileTooLarge) {
    return {
      reason: 'too-large',
      answer: new PayloadTooLargeException(`${answers.aFile} is at most ${error.maxBytes} bytes`),
    };
  }
  if (error instanceof SealedFileTypeRefused) {
    return {
      reason: error.reason === 'mismatch' ? 'type-mismatch' : 'type-not-allowed',
      answer: new UnsupportedMediaTypeException(error.message),
    };
  }
  if (error instanceof SealedFileRequestNotMultipart) {
    return {
      reason: 'not-multipart',
      answer: new UnsupportedMediaTypeException(`${answers.aFile} is sent as multipart/form-data`),
    };
  }
  if (error instanceof SealedFileFormInvalid) {
    return { reason: 'invalid', answer: answers.invalidForm(error.issues) };
  }
  if (error instanceof SealedFileUploadAborted) {
    return { reason: 'aborted', answer: new BadRequestException(error.message) };
  }
  return undefined;
}
