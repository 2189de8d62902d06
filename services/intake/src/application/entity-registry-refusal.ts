import { ConflictException, NotFoundException } from '@nestjs/common';
import { RequestValidationError } from '@reprisals/service-platform';
import { EntityRegistryRefused } from '../domain/un-entity-registry';
import type { Refusal } from './refusal.auditor';

/** The audit reason and the HTTP answer for a refused registry edit. */
export function entityRegistryRefusal(error: unknown): Refusal | undefined {
  if (!(error instanceof EntityRegistryRefused)) return undefined;
  switch (error.code) {
    case 'invalid':
      return {
        reason: 'invalid',
        answer: new RequestValidationError([{ field: error.field, message: error.message }]),
      };
    case 'already-registered':
      return { reason: 'already-registered', answer: new ConflictException(error.message) };
    case 'unknown-entity':
      return { reason: 'unknown-entity', answer: new NotFoundException('No such entity') };
    case 'not-designated':
      return { reason: 'not-designated', answer: new NotFoundException('No such focal point') };
  }
}
