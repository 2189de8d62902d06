import { z } from 'zod';
import {
  ACTION_REACHES,
  ESCALATION_TRIGGERS,
  PROTECTION_RISKS,
  PROTOCOL_STAGES,
  RESPONSE_ACTION_TYPES,
  URGENCIES,
  VERIFICATION_OUTCOMES,
} from '@reprisals/contracts';
import { PermissionSchema } from '@reprisals/security';
import { PROTOCOL_GATES, PROTOCOL_STEPS } from './protocol-steps';

const stage = z.enum(PROTOCOL_STAGES);
const reach = z.enum(ACTION_REACHES);
const actionType = z.enum(RESPONSE_ACTION_TYPES);
const text = z.string().trim().min(1).max(500);
const byRisk = (unit: z.ZodNumber) =>
  z.strictObject(
    Object.fromEntries(PROTECTION_RISKS.map((risk) => [risk, unit])) as Record<
      (typeof PROTECTION_RISKS)[number],
      z.ZodNumber
    >,
  );

const gateSchema = z.strictObject({
  gate: z.enum(PROTOCOL_GATES),
  /** Only for actions of these reaches; every time when absent. */
  reaches: z.array(reach).min(1).optional(),
  /** consent: the permission that may go past missing consent with a written reason. */
  override: PermissionSchema.optional(),
  /** four-eyes: the permission of the second person. */
  approver: PermissionSchema.optional(),
});

const stepSchema = z.strictObject({
  description: text,
  from: z.array(stage).min(1),
  /** On the urgent track, the stages the step may also be taken from. */
  urgentTrackFrom: z.array(stage).min(1).optional(),
  /** One stage, or a stage per outcome of the step. */
  to: z.union([stage, z.record(z.string().min(1), stage)]).optional(),
  performer: PermissionSchema,
  gates: z.array(gateSchema).default([]),
});

const toolSchema = z.strictObject({
  reach,
  ladderLevel: z.number().int().min(1).max(20).optional(),
  description: text,
});

/** The document of one version of the response protocol, as its YAML file holds it. */
export const responseProtocolDocumentSchema = z
  .strictObject({
    version: z.string().regex(/^response-protocol\/v\d+$/, 'must look like response-protocol/v2'),
    title: text,
    effectiveFrom: z.iso.date('must be a date (YYYY-MM-DD)'),
    stages: z.record(stage, text),
    steps: z.partialRecord(z.enum(PROTOCOL_STEPS), stepSchema),
    toolkit: z.partialRecord(actionType, toolSchema),
    ladder: z.strictObject({
      order: z.array(actionType).min(1),
      escalateWhen: z.array(z.enum(ESCALATION_TRIGGERS)),
    }),
    urgentTrack: z.strictObject({
      when: z.strictObject({
        risk: z.array(z.enum(PROTECTION_RISKS)),
        urgency: z.array(z.enum(URGENCIES)),
      }),
      actions: z.array(actionType).min(1),
      withinHours: z.number().int().min(1).max(168),
    }),
    timers: z.strictObject({
      reviewIntervalDays: byRisk(z.number().int().min(1).max(365)),
      replyWaitDays: byRisk(z.number().int().min(1).max(365)),
      approvalMaxWaitHours: byRisk(z.number().int().min(1).max(720)),
    }),
    reporting: z.strictObject({
      periodStarts: z
        .string()
        .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must look like 05-01')
        .refine((monthDay) => {
          // A day every year has (29 February is not one): checked on a common year.
          const [month, day] = monthDay.split('-').map(Number) as [number, number];
          return new Date(Date.UTC(2001, month - 1, day)).getUTCMonth() === month - 1;
        }, 'must be a day of the year every year has'),
      cutOffDaysAfterPeriodEnd: z.number().int().min(0).max(180),
    }),
  })
  .superRefine((document, context) => {
    const problem = (path: PropertyKey[], message: string) =>
      context.addIssue({ code: 'custom', path, message });
    for (const required of ['registered', 'closed'] as const)
      if (!(required in document.stages)) problem(['stages'], `must describe the stage ${required}`);
    for (const [name, step] of Object.entries(document.steps)) {
      if (!step) continue;
      const stages = [...step.from, ...(step.urgentTrackFrom ?? [])];
      const targets = typeof step.to === 'string' ? [step.to] : Object.values(step.to ?? {});
      [...stages, ...targets].forEach((used) => {
        if (!(used in document.stages))
          problem(['steps', name], `uses the stage ${used}, which is not described`);
      });
      step.gates.forEach((gate, index) => {
        if (gate.gate === 'four-eyes' && !gate.approver)
          problem(['steps', name, 'gates', index], 'a four-eyes gate names its approver');
        if (gate.gate !== 'consent' && gate.override)
          problem(['steps', name, 'gates', index, 'override'], 'only the consent gate has an override');
      });
    }
    const conclude = document.steps['conclude-verification'];
    if (conclude && typeof conclude.to === 'object')
      for (const outcome of VERIFICATION_OUTCOMES)
        if (!(outcome in conclude.to))
          problem(['steps', 'conclude-verification', 'to'], `must say where the outcome ${outcome} leads`);
    const usedTools = [...document.ladder.order, ...document.urgentTrack.actions];
    usedTools.forEach((tool) => {
      if (!document.toolkit[tool]) problem(['ladder'], `uses ${tool}, which the toolkit does not describe`);
    });
    document.ladder.order.forEach((tool, index) => {
      if (document.toolkit[tool]?.ladderLevel === undefined)
        problem(['ladder', 'order', index], `${tool} has no ladderLevel in the toolkit`);
    });
  });

export type ResponseProtocolDocument = z.infer<typeof responseProtocolDocumentSchema>;
export type ProtocolStepRule = z.infer<typeof stepSchema>;
export type ProtocolGateRule = z.infer<typeof gateSchema>;
