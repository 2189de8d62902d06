import { HttpException, NotFoundException } from '@nestjs/common';
import { ProtocolRefused } from '../../domain/protocol-engine/protocol-refused';

/** A case (or approval) the caller's entity does not see: it does not exist for it. */
export class CaseNotVisible extends Error {
  override readonly name = 'CaseNotVisible';
}

/**
 * The audit reason and the HTTP answer of a refused step: the gate that refused it and what
 * would satisfy it, so that the officer knows what to do next. Other errors pass through.
 */
export function protocolRefusal(error: unknown): { reason: string; answer: HttpException } | undefined {
  if (error instanceof CaseNotVisible)
    return { reason: 'no-share', answer: new NotFoundException('No such case') };
  if (!(error instanceof ProtocolRefused)) return undefined;
  const errors = { 403: 'Forbidden', 409: 'Conflict', 422: 'Unprocessable Entity' } as const;
  return {
    reason: `gate-${error.gate}`,
    answer: new HttpException(
      {
        statusCode: error.status,
        error: errors[error.status],
        message: error.message,
        gate: error.gate,
        satisfiedBy: error.satisfiedBy,
      },
      error.status,
    ),
  };
}
