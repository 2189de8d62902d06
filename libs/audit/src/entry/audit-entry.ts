import { z } from 'zod';
import { EntityCodeSchema, RoleSchema } from '@reprisals/security';

/** One printable ASCII word: an id, never free text. */
const ID = /^[\x21-\x7e]+$/;
/** An id or a route, optionally after its HTTP method: `GET /intake/allegations/:id`. */
const TARGET = /^(?:(?:GET|HEAD|POST|PUT|PATCH|DELETE) )?[\x21-\x7e]+$/;
const REQUEST_ID = /^[A-Za-z0-9._:-]+$/;
const POLICY_VERSION = /^[A-Za-z0-9._:/-]+$/;
const ACTION = /^[a-z][a-z0-9-]*(?::[a-z][a-z0-9-]*)+$/;
const CODE = /^[a-z][a-z0-9-]*$/;
const SERVICE = /^[a-z][a-z0-9-]*$/;
const TRACE_ID = /^[0-9a-f]{32}$/;

const text = (max: number, pattern: RegExp, error: string) =>
  z
    .string({ error: 'must be a string' })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(pattern, { error });

const userActorSchema = z
  .object({
    kind: z.literal('user'),
    /** The token subject: an opaque account id, never a name. */
    sub: text(255, ID, 'must be an account id (printable, no spaces)'),
    entity: EntityCodeSchema,
    role: RoleSchema,
  })
  .strict();

const systemActorSchema = z
  .object({
    kind: z.literal('system'),
    service: z.string().max(64).regex(SERVICE, { error: 'must be a service name such as intake' }),
    entity: EntityCodeSchema.optional(),
  })
  .strict();

/**
 * What a caller says about one audited step. Ids and fixed codes only: the record must never
 * hold a name, a contact detail or any other personal data.
 */
export const AuditEntrySchema = z
  .object({
    actor: z.discriminatedUnion('kind', [userActorSchema, systemActorSchema]),
    /** `<resource>:<verb>`, e.g. allegation:create, case:read-identities, audit:read. */
    action: z.string().max(100).regex(ACTION, { error: 'must look like resource:verb' }),
    caseId: z
      .uuid({ error: 'must be a UUID' })
      .transform((id) => id.toLowerCase())
      .optional(),
    /** What the step was about besides the case: an id or a route name. */
    target: text(210, TARGET, 'must be an id or a route, optionally after its HTTP method').optional(),
    outcome: z.enum(['allowed', 'denied']),
    /** A fixed code, e.g. no-share, missing-permission, not-found; required when denied. */
    reason: z
      .string()
      .max(64)
      .regex(CODE, { error: 'must be a lower-case code such as no-share' })
      .optional(),
    requestId: text(128, REQUEST_ID, 'must be letters, digits and . _ : -').optional(),
    /** The W3C trace id (32 lower-case hex digits). */
    traceId: z.string().regex(TRACE_ID, { error: 'must be 32 lower-case hex digits' }).optional(),
    policyVersion: text(100, POLICY_VERSION, 'must be a version such as response-protocol/v1').optional(),
  })
  .strict()
  .superRefine((entry, context) => {
    if (entry.outcome === 'denied' && entry.reason === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'is required when the outcome is denied',
      });
    }
  });

export type AuditEntry = z.input<typeof AuditEntrySchema>;
export type AuditActor = AuditEntry['actor'];
export type ValidAuditEntry = z.output<typeof AuditEntrySchema>;

/** An audit entry that breaks its schema: names the fields, never their values. */
export class InvalidAuditEntryError extends Error {
  constructor(readonly fields: Array<{ field: string; message: string }>) {
    super(`Invalid audit entry: ${fields.map((issue) => `${issue.field} ${issue.message}`).join('; ')}`);
    this.name = 'InvalidAuditEntryError';
  }
}

export function parseAuditEntry(entry: unknown): ValidAuditEntry {
  const parsed = AuditEntrySchema.safeParse(entry);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a known field' }))
      : [{ field: issue.path.length > 0 ? issue.path.join('.') : '(entry)', message: issue.message }],
  );
  throw new InvalidAuditEntryError(fields);
}
