import { ConflictException } from '@nestjs/common';
import { ProtectionRefused } from '../domain/protection-risk';
import { sharingRefusal } from './case-share-refusal';
import type { Refusal } from './refusal.auditor';

/** The audit reason and the HTTP answer for a refused protection step (case visibility as for sharing). */
export function protectionRefusal(error: unknown): Refusal | undefined {
  if (error instanceof ProtectionRefused)
    return { reason: error.code, answer: new ConflictException(error.message) };
  return sharingRefusal(error);
}
