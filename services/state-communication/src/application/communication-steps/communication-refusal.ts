import { HttpException, NotFoundException } from '@nestjs/common';
import { CommunicationRefused } from '../../domain/communication/communication-refused';

/** A communication (or case) the caller's entity does not see: it does not exist for it. */
export class CommunicationNotVisible extends Error {
  override readonly name = 'CommunicationNotVisible';
}

/** The audit reason and the HTTP answer of a refused step on a communication. */
export function communicationRefusal(error: unknown): { reason: string; answer: HttpException } | undefined {
  if (error instanceof CommunicationNotVisible)
    return { reason: 'no-share', answer: new NotFoundException('No such communication') };
  if (!(error instanceof CommunicationRefused)) return undefined;
  const errors = {
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Unprocessable Entity',
  } as const;
  return {
    reason: error.code,
    answer: new HttpException(
      { statusCode: error.status, error: errors[error.status], message: error.message, reason: error.code },
      error.status,
    ),
  };
}
