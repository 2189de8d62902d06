import { BadRequestException, type HttpException } from '@nestjs/common';
import {
  SealedFileFormInvalid,
  SealedFileRequestNotMultipart,
  SealedFileTooLarge,
  SealedFileTypeRefused,
  SealedFileUploadAborted,
} from '../errors/sealed-file.errors';
import { sealedFileUploadRefusal, type SealedFileAnswers } from './sealed-file-upload.refusal';

const ANSWERS: SealedFileAnswers = {
  aFile: 'A statement',
  invalidForm: (issues) => new BadRequestException({ issues }),
};

function answered(error: unknown): { reason: string; status: number; body: unknown } | undefined {
  const refusal = sealedFileUploadRefusal(error, ANSWERS);
  if (!refusal) return undefined;
  const answer: HttpException = refusal.answer;
  return { reason: refusal.reason, status: answer.getStatus(), body: answer.getResponse() };
}

const messageOf = (error: unknown) => (answered(error)?.body as { message?: unknown } | undefined)?.message;

describe('sealedFileUploadRefusal (how a refused upload is audited and answered)', () => {
  it('given a file too large, when answered, then 413 names the limit in the service’s words', () => {
    expect(answered(new SealedFileTooLarge(1024))).toMatchObject({ reason: 'too-large', status: 413 });
    expect(messageOf(new SealedFileTooLarge(1024))).toBe('A statement is at most 1024 bytes');
  });

  it('given each refusal of a type, when answered, then 415 with its own audit reason and message', () => {
    const accepted = ['application/pdf'];

    expect(answered(new SealedFileTypeRefused('not-allowed', accepted))).toMatchObject({
      reason: 'type-not-allowed',
      status: 415,
    });
    expect(answered(new SealedFileTypeRefused('mismatch', accepted))).toMatchObject({
      reason: 'type-mismatch',
      status: 415,
    });
    expect(answered(new SealedFileTypeRefused('content-not-allowed', accepted))).toMatchObject({
      reason: 'type-not-allowed',
      status: 415,
    });
    expect(messageOf(new SealedFileTypeRefused('content-not-allowed', accepted))).toBe(
      'The file’s content is not of an accepted type; accepted types: application/pdf',
    );
  });

  it('given a body that is not multipart, when answered, then 415 says how the service’s files are sent', () => {
    expect(answered(new SealedFileRequestNotMultipart())).toMatchObject({
      reason: 'not-multipart',
      status: 415,
    });
    expect(messageOf(new SealedFileRequestNotMultipart())).toBe('A statement is sent as multipart/form-data');
  });

  it('given a form at fault, when answered, then the service’s 400 carries every issue', () => {
    const issues = [{ field: 'colour', message: 'is not a known field' }];

    expect(answered(new SealedFileFormInvalid(issues))).toEqual({
      reason: 'invalid',
      status: 400,
      body: { issues },
    });
  });

  it('given an upload the client abandoned, when answered, then 400', () => {
    expect(answered(new SealedFileUploadAborted())).toMatchObject({ reason: 'aborted', status: 400 });
  });

  it('given any other error, when classified, then it is not a refusal', () => {
    expect(answered(new Error('disk full'))).toBeUndefined();
  });
});
