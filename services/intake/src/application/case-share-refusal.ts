import { ConflictException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { RequestValidationError } from '@reprisals/service-platform';
import { ShareRefused } from '../domain/case-share';

/** The case is unknown to the caller's entity: answered as absent. */
export class CaseNotVisible extends Error {
  override readonly name = 'CaseNotVisible';
}

/** The audit reason and the HTTP answer for a refused sharing step. */
export function sharingRefusal(error: unknown): { reason: string; answer: HttpException } | undefined {
  if (error instanceof CaseNotVisible)
    return { reason: 'no-share', answer: new NotFoundException('No such case') };
  if (!(error instanceof ShareRefused)) return undefined;
  switch (error.code) {
    case 'invalid':
      return {
        reason: 'invalid',
        answer: new RequestValidationError([{ field: error.field, message: error.message }]),
      };
    case 'consent-missing':
      return { reason: 'consent-missing', answer: new ConflictException(error.message) };
    case 'wrong-status':
      return { reason: 'wrong-status', answer: new ConflictException(error.message) };
    case 'override-not-permitted':
    case 'not-lead':
    case 'not-focal-point':
      return { reason: error.code, answer: new ForbiddenException(error.message) };
    case 'not-offered-to-you':
      return { reason: 'not-offered-to-you', answer: new NotFoundException('No such share') };
  }
}
