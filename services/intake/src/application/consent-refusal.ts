import { ConflictException } from '@nestjs/common';
import { RequestValidationError } from '@reprisals/service-platform';
import { ConsentRefused } from '../domain/consent';
import { sharingRefusal } from './case-share-refusal';
import type { Refusal } from './refusal.auditor';

/** The audit reason and the HTTP answer for a refused consent step (case visibility as for sharing). */
export function consentRefusal(error: unknown): Refusal | undefined {
  if (!(error instanceof ConsentRefused)) return sharingRefusal(error);
  switch (error.code) {
    case 'invalid':
      return {
        reason: 'invalid',
        answer: new RequestValidationError([{ field: error.field, message: error.message }]),
      };
    case 'nothing-to-withdraw':
      return { reason: 'nothing-to-withdraw', answer: new ConflictException(error.message) };
  }
}
