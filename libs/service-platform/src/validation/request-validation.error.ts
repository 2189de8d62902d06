import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `acts.0.date`; `(body)` for the body as a whole. */
  field: string;
  message: string;
}

/** 400 that names every offending field and never echoes the values sent. */
export class RequestValidationError extends BadRequestException {
  constructor(
    readonly issues: FieldIssue[],
    where: 'body' | 'query' | 'params' | 'headers' = 'body',
  ) {
    super({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid request ${where}: ${issues.map((issue) => issue.field).join(', ')}`,
      issues,
    });
  }

  /** `name` is the parameter or query key when the schema validates a single value. */
  static fromZod(
    error: z.ZodError,
    where: 'body' | 'query' | 'params' | 'headers' = 'body',
    name?: string,
  ): RequestValidationError {
    const issues: FieldIssue[] = [];
    const base = name ? [name] : [];
    for (const issue of error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          issues.push({ field: [...base, ...issue.path, key].join('.'), message: 'is not a known field' });
        }
        continue;
      }
      const path = [...base, ...issue.path];
      issues.push({ field: path.length > 0 ? path.join('.') : `(${where})`, message: issue.message });
    }
    return new RequestValidationError(issues, where);
  }
}
