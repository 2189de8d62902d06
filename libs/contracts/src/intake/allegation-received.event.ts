import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import {
  calendarDateSchema,
  caseReferenceSchema,
  entityCodeSchema,
  intakeChannelSchema,
  stateCodeSchema,
} from '../shared-schemas';
import { Topics } from '../topics';
import {
  actTypeSchema,
  ageGroupSchema,
  cooperationCategorySchema,
  cooperationMechanismSchema,
  genderSchema,
  organisationTypeSchema,
  perpetratorTypeSchema,
  victimProfileSchema,
} from './allegation-vocabulary';

/** A victim as the wire knows it: a pseudonym and what statistics count, never who it is. */
export const victimOnTheWireSchema = z
  .object({
    pseudonym: z.string().regex(/^V-[0-9A-Z]{4}$/),
    kind: z.enum(['individual', 'organisation']),
    profile: victimProfileSchema.nullable(),
    gender: genderSchema.nullable(),
    ageGroup: ageGroupSchema.nullable(),
    organisationType: organisationTypeSchema.nullable(),
  })
  .strict();

export const actOnTheWireSchema = z
  .object({
    type: actTypeSchema,
    /** The day it happened, or the first day of the period; null when unknown. */
    occurredOn: calendarDateSchema.nullable(),
    country: stateCodeSchema,
    online: z.boolean(),
    perpetrator: perpetratorTypeSchema,
  })
  .strict();

const cooperationOnTheWireSchema = z
  .object({
    mechanism: cooperationMechanismSchema,
    /** The mandate or treaty body, for special procedures and treaty bodies. */
    detail: z.string().max(200).nullable(),
    category: cooperationCategorySchema,
  })
  .strict();

/** Version 1 carried the case's reception only; kept to read old events. */
export type AllegationReceivedDataV1 = {
  caseId: string;
  reference: string;
  stateConcerned: string;
  receivedVia: z.infer<typeof intakeChannelSchema>;
  receivedOn: string;
  leadEntity: string;
};

/**
 * An entity recorded an allegation of intimidation or reprisal. Carries no identity: victims by
 * pseudonym, and the non-identifying facts reports count (profile, gender, act types,
 * online/offline, perpetrator, mechanism and para 4 category).
 */
export const AllegationReceived = defineEvent({
  type: 'AllegationReceived',
  wireType: 'org.un.reprisals.intake.allegation-received',
  version: 2,
  producer: 'intake',
  topic: Topics.intake,
  description: 'An allegation was recorded at intake and a case opened with a stable id and reference.',
  schema: z
    .object({
      caseId: z.uuid(),
      reference: caseReferenceSchema,
      stateConcerned: stateCodeSchema,
      receivedVia: intakeChannelSchema,
      receivedOn: calendarDateSchema,
      leadEntity: entityCodeSchema,
      victims: z.array(victimOnTheWireSchema),
      /** Null only for allegations recorded before cooperation was captured (version 1). */
      cooperation: cooperationOnTheWireSchema.nullable(),
      acts: z.array(actOnTheWireSchema),
    })
    .strict(),
  upcasters: [
    {
      fromVersion: 1,
      upcast: (data) => ({ ...(data as AllegationReceivedDataV1), victims: [], cooperation: null, acts: [] }),
    },
  ],
});

export type AllegationReceivedData = DataOf<typeof AllegationReceived>;
export type AllegationReceivedEvent = EventOf<typeof AllegationReceived>;
