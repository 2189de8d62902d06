import { z } from 'zod';

/** The six official languages of the United Nations, by ISO 639-1 code. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];
export const unLanguageSchema = z.enum(UN_LANGUAGES);

/** Member States (193) and the non-member Observer States (Holy See, State of Palestine). */
export const UN_STATE_STATUSES = ['member', 'observer'] as const;
export type UnStateStatus = (typeof UN_STATE_STATUSES)[number];

export const ALPHA3_PATTERN = /^[A-Z]{3}$/;
const ALPHA2_PATTERN = /^[A-Z]{2}$/;

const name = z.string().trim().min(1);

/** One State as the data file lists it. English is always there; the other languages where known. */
export const unStateSchema = z.strictObject({
  alpha3: z.string().regex(ALPHA3_PATTERN, 'must be an ISO 3166-1 alpha-3 code'),
  alpha2: z.string().regex(ALPHA2_PATTERN, 'must be an ISO 3166-1 alpha-2 code'),
  status: z.enum(UN_STATE_STATUSES),
  names: z.strictObject({
    ar: name.optional(),
    zh: name.optional(),
    en: name,
    fr: name.optional(),
    ru: name.optional(),
    es: name.optional(),
  }),
});

export type UnState = Readonly<z.infer<typeof unStateSchema>>;

/** The data file: the States in alpha-3 order, each code once. */
export const unStatesDocumentSchema = z
  .strictObject({ states: z.array(unStateSchema).min(1) })
  .superRefine((document, context) => {
    document.states.forEach((state, index) => {
      const previous = document.states[index - 1];
      if (previous && previous.alpha3 >= state.alpha3) {
        context.addIssue({
          code: 'custom',
          path: ['states', index, 'alpha3'],
          message: `${state.alpha3} is repeated or out of alpha-3 order (after ${previous.alpha3})`,
        });
      }
    });
    const alpha2 = new Set<string>();
    document.states.forEach((state, index) => {
      if (alpha2.has(state.alpha2)) {
        context.addIssue({
          code: 'custom',
          path: ['states', index, 'alpha2'],
          message: `${state.alpha2} is repeated`,
        });
      }
      alpha2.add(state.alpha2);
    });
  });

export type UnStatesDocument = z.infer<typeof unStatesDocumentSchema>;
