import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { MAX_AUDIT_LIST_LIMIT, type AuditRecordFilter } from '../records/audit-record.reader';

const DAY_MS = 86_400_000;

const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time',
});

/** `GET /<service>/audit` query: every field optional, unknown fields refused. */
export const AuditQuerySchema = z
  .object({
    caseId: z.uuid({ error: 'must be a UUID' }).optional(),
    /** The actor's token subject. */
    actor: z
      .string({ error: 'must be given once' })
      .regex(/^[\x21-\x7e]{1,255}$/, { error: 'must be an account id' })
      .optional(),
    /** From this instant, or from the start of this day (UTC). */
    from: instant.optional(),
    /** Before this instant, or through the end of this day (UTC). */
    to: instant.optional(),
    /** The seq of the last record of the previous page. */
    after: z
      .string()
      .regex(/^[0-9]{1,19}$/, { error: 'must be a record seq' })
      .optional(),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(MAX_AUDIT_LIST_LIMIT, { error: `must be at most ${MAX_AUDIT_LIST_LIMIT}` })
      .optional(),
  })
  .strict();

export type AuditQuery = z.output<typeof AuditQuerySchema>;

/**
 * The validated filter of an audit query, or a 400 that names every offending field and never
 * echoes a value (the same shape as the services' request validation errors).
 */
export function parseAuditQuery(query: unknown): AuditRecordFilter {
  const parsed = AuditQuerySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ field: key, message: 'is not a known field' }))
        : [{ field: issue.path.join('.') || '(query)', message: issue.message }],
    );
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid request query: ${issues.map((issue) => issue.field).join(', ')}`,
      issues,
    });
  }
  const { caseId, actor, from, to, after, limit } = parsed.data;
  return {
    ...(caseId ? { caseId } : {}),
    ...(actor ? { actorSub: actor } : {}),
    ...(from ? { from: new Date(from) } : {}),
    ...(to ? { to: isDay(to) ? new Date(new Date(to).getTime() + DAY_MS) : new Date(to) } : {}),
    ...(after ? { afterSeq: after } : {}),
    ...(limit ? { limit } : {}),
  };
}

function isDay(value: string): boolean {
  return value.length === 10;
}
