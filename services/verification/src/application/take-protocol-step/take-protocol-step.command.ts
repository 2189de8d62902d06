import { z } from 'zod';
import {
  actionImpactSchema,
  actionNamingSchema,
  actionPrioritySchema,
  calendarDateSchema,
  closureReasonSchema,
  cooperationCategorySchema,
  corroborationKindSchema,
  entityCodeSchema,
  informationCredibilitySchema,
  outOfScopeReasonSchema,
  perpetratorTypeSchema,
  protectionRiskSchema,
  referralSchema,
  responseActionTypeSchema,
  sourceReliabilitySchema,
  urgencySchema,
  verificationOutcomeSchema,
} from '@reprisals/contracts';
import type { ProtocolCommand } from '../../domain/protocol-engine/protocol-command';

/** A written reason: kept in verification and audited; it must not name anyone. */
export const writtenReasonSchema = z
  .string()
  .trim()
  .min(10, 'must be at least 10 characters')
  .max(1000, 'must be at most 1000 characters');

const overrideSchema = z
  .strictObject({
    reason: writtenReasonSchema.describe(
      'Why a supervisor should go past missing consent; it must not name anyone',
    ),
  })
  .describe('Asks a supervisor holding consent:override to go past missing consent');

const step = <T extends string, S extends z.core.$ZodLooseShape>(action: T, description: string, shape: S) =>
  z.strictObject({ action: z.literal(action).describe(description), ...shape });

/**
 * The body of `POST /verification/cases/:id/transitions`: one step of the protocol, named by
 * `action`, with what that step needs. Unknown fields are refused, for every step.
 */
export const takeProtocolStepSchema = z
  .discriminatedUnion('action', [
    step('begin-screening', 'An officer takes up a registered case', {}),
    step('screen', 'Decides whether the allegation falls within resolution 54/24', {
      inScope: z.boolean().describe('A para 4 nexus, an act of intimidation or reprisal and a perpetrator'),
      cooperationCategory: cooperationCategorySchema.optional().describe('In scope: para 4 category a to d'),
      perpetratorType: perpetratorTypeSchema.optional().describe('In scope: state, non-state or unknown'),
      outOfScopeReason: outOfScopeReasonSchema.optional().describe('Out of scope: why'),
      referral: referralSchema.optional().describe('Out of scope: where the person is referred'),
    }),
    step('assess-risk', 'Rates the protection risk and the urgency', {
      risk: protectionRiskSchema.describe('low, medium, high or critical'),
      urgency: urgencySchema.describe('routine, urgent or imminent (imminent takes the urgent track)'),
    }),
    step('record-corroboration', 'Records a source or piece of corroborating information, rated', {
      kind: corroborationKindSchema.describe('What the information is'),
      reliability: sourceReliabilitySchema.describe('How reliable its source has proved'),
      credibility: informationCredibilitySchema.describe('How far the information is confirmed'),
      reference: z
        .string()
        .regex(/^([VS]-[A-Z0-9]{4}|[0-9a-f-]{36})$/, 'must be a pseudonym (V-XXXX, S-XXXX) or an evidence id')
        .optional()
        .describe('The pseudonym of the source or the id of an evidence file; never a name'),
    }),
    step('conclude-verification', 'Proposes the outcome of verification, for a supervisor to approve', {
      outcome: verificationOutcomeSchema.describe(
        'verified, credible-not-verified, unverified, rejected, falsely-attributed',
      ),
      concludedOn: calendarDateSchema.describe('The date of the conclusion (YYYY-MM-DD)'),
      corroborationIds: z.array(z.uuid()).max(100).describe('The corroborations the conclusion rests on'),
    }),
    step('propose-action', 'Proposes a response action from the toolkit', {
      actionType: responseActionTypeSchema.describe(
        'The tool, as GET /verification/policies/{version} lists them',
      ),
      priority: actionPrioritySchema.describe('routine, high or urgent'),
      ownerEntity: entityCodeSchema
        .optional()
        .describe('The entity that carries it out; the lead by default'),
      naming: actionNamingSchema
        .optional()
        .describe('State-facing and public actions: named or anonymous (anonymous by default)'),
      consentOverride: overrideSchema.optional(),
    }),
    step('withdraw-action', 'Withdraws a proposed or decided action', {
      responseActionId: z.uuid().describe('The action to withdraw'),
    }),
    step('complete-action', 'Records that an action was carried out, and its impact', {
      responseActionId: z.uuid().describe('The action carried out'),
      impact: actionImpactSchema.describe('improved, no-change, worsened or unknown'),
    }),
    step('close', 'Closes the case, cancelling every pending timer', {
      reason: closureReasonSchema.describe('Why the case leaves the protocol'),
      referral: referralSchema.optional().describe('Where the person is referred, if anywhere'),
    }),
    step('adopt-policy-version', 'Moves the case to a later version of the protocol in force', {
      version: z
        .string()
        .regex(/^response-protocol\/v\d+$/, 'must look like response-protocol/v2')
        .describe('The version to adopt'),
    }),
  ])
  .superRefine((body, context) => {
    if (body.action !== 'screen') return;
    const required = body.inScope
      ? (['cooperationCategory', 'perpetratorType'] as const)
      : (['outOfScopeReason'] as const);
    const forbidden = body.inScope
      ? (['outOfScopeReason', 'referral'] as const)
      : (['cooperationCategory', 'perpetratorType'] as const);
    for (const field of required)
      if (body[field] === undefined)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `is required when inScope is ${body.inScope}`,
        });
    for (const field of forbidden)
      if (body[field] !== undefined)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `must not be given when inScope is ${body.inScope}`,
        });
  });

export type TakeProtocolStepBody = z.infer<typeof takeProtocolStepSchema>;

/** The engine's command for a valid body. */
export function protocolCommandOf(body: TakeProtocolStepBody): ProtocolCommand {
  if (body.action !== 'screen') return body;
  return body.inScope
    ? {
        action: 'screen',
        inScope: true,
        cooperationCategory: body.cooperationCategory!,
        perpetratorType: body.perpetratorType!,
      }
    : {
        action: 'screen',
        inScope: false,
        outOfScopeReason: body.outOfScopeReason!,
        ...(body.referral ? { referral: body.referral } : {}),
      };
}
