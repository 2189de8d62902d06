import { z } from 'zod';

/** Whether the case may be raised with the State concerned, and how. */
export const STATE_RAISING_CONSENT = ['named', 'anonymous', 'no'] as const;
/** Whether the case may be shared with other UN entities. */
export const UN_SHARING_CONSENT = ['yes', 'no'] as const;
/** Whether the case may appear in a public report, and how. */
export const PUBLICATION_CONSENT = ['named', 'anonymous', 'no'] as const;
/** Who gave (or withdrew) the consent. */
export const CONSENT_GIVERS = ['victim', 'family', 'representative', 'organisation'] as const;
/** How it was given: in writing, orally (noted by the officer), or recorded (audio or video). */
export const CONSENT_FORMS = ['written', 'oral', 'recorded'] as const;

export const consentScopesSchema = z.strictObject({
  raiseWithState: z
    .enum(STATE_RAISING_CONSENT)
    .describe('Raise the case with the State: named, anonymous, no'),
  shareWithUnEntities: z.enum(UN_SHARING_CONSENT).describe('Share the case with other UN entities: yes, no'),
  publish: z.enum(PUBLICATION_CONSENT).describe('Publish in a public report: named, anonymous, no'),
});
export type ConsentScopes = z.infer<typeof consentScopesSchema>;

/** Nothing may be done: what a withdrawal leaves and what a case without consent has. */
export const NO_CONSENT: ConsentScopes = Object.freeze({
  raiseWithState: 'no',
  shareWithUnEntities: 'no',
  publish: 'no',
});
