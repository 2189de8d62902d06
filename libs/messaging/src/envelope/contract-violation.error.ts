import type { z } from 'zod';

/** An event that does not match its contract. The message names fields, never values. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';

  constructor(
    readonly wireType: string,
    readonly problems: string[],
  ) {
    super(`${wireType || 'event'} violates its contract: ${problems.join('; ')}`);
  }

  static fromZod(wireType: string, error: z.ZodError, prefix = 'data'): ContractViolationError {
    return new ContractViolationError(
      wireType,
      error.issues.map((issue) => `${[prefix, ...issue.path].join('.')}: ${issue.message}`),
    );
  }
}
