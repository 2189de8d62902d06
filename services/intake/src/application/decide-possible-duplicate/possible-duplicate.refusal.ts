import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { DuplicateDecisionRefused } from '../../domain/possible-duplicate';
import { sharingRefusal } from '../case-share-refusal';
import type { Refusal } from '../refusal.auditor';

/** The audit reason and the HTTP answer for a refused decision on a possible duplicate. */
export function possibleDuplicateRefusal(error: unknown): Refusal | undefined {
  if (!(error instanceof DuplicateDecisionRefused)) return sharingRefusal(error);
  switch (error.code) {
    case 'not-lead':
      return { reason: 'not-lead', answer: new ForbiddenException(error.message) };
    case 'no-such-pair':
      return { reason: 'no-such-pair', answer: new NotFoundException('No such possible duplicate') };
    case 'wrong-status':
      return { reason: 'wrong-status', answer: new ConflictException(error.message) };
  }
}
