import { ConflictException, NotFoundException, type HttpException } from '@nestjs/common';
import { z } from 'zod';
import { AUDIT_CHAIN_IDS } from '@reprisals/contracts';
import type { ReplayRefusedError } from '@reprisals/messaging';

const CHAIN_IDS = new Set(Object.values(AUDIT_CHAIN_IDS));
const CASE_ID = z.uuid();

/** The audit reason and the HTTP answer for a refused replay. */
export function replayRefusal(error: ReplayRefusedError): { reason: string; answer: HttpException } {
  switch (error.reason) {
    case 'not-found':
      return { reason: 'not-found', answer: new NotFoundException('No such dead letter') };
    case 'already-replayed':
      return { reason: 'already-replayed', answer: new ConflictException(error.message) };
    case 'no-subscription':
      return { reason: 'no-subscription', answer: new ConflictException(error.message) };
  }
}

/**
 * The case a dead-lettered event was about, for its audit record: its subject when that is a
 * case id. Events about an audit chain are keyed by the chain's id, which names no case, and a
 * message that broke its contract may carry anything there.
 */
export function caseOfSubject(subject: string | null): { caseId?: string } {
  if (!subject || CHAIN_IDS.has(subject) || !CASE_ID.safeParse(subject).success) return {};
  return { caseId: subject };
}
