import { ForbiddenException } from '@nestjs/common';
import { AllegationRejected } from '../../domain/allegation';
import {
  ConsentRefused,
  recordConsent,
  type ConsentStatement,
  type ConsentVersion,
} from '../../domain/consent';

/**
 * The first consent version of a new case, from the statement sent with the allegation. Its
 * problems are reported as the allegation's, under `consent.`; recording it needs consent:record.
 */
export function consentGivenWith(
  statement: ConsentStatement,
  caseId: string,
  now: Date,
  mayRecordConsent: boolean,
): ConsentVersion {
  if (!mayRecordConsent)
    throw new ForbiddenException('Recording consent needs the consent:record permission');
  try {
    return recordConsent(undefined, statement, { caseId, now });
  } catch (error) {
    if (error instanceof ConsentRefused) {
      throw new AllegationRejected([{ field: `consent.${error.field}`, message: error.message }]);
    }
    throw error;
  }
}
