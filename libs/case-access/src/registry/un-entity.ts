import { z } from 'zod';
import { entityCodeSchema } from '@reprisals/contracts';

/** What a UN entity is, for routing and for the registry's readers. */
export const UN_ENTITY_KINDS = [
  'hq',
  'field-presence',
  'mechanism',
  'office',
  'peace-operation',
  'agency',
] as const;
export type UnEntityKind = (typeof UN_ENTITY_KINDS)[number];

export const unEntitySchema = z.strictObject({
  code: entityCodeSchema.describe('Stable code carried in tokens and events, e.g. OHCHR-COL; never reused'),
  kind: z.enum(UN_ENTITY_KINDS).describe('hq, field presence, mechanism, office, peace operation or agency'),
  /** English working name. */
  name: z.string().trim().min(1).max(200).describe('English working name'),
  /** The entity this one belongs to, e.g. OHCHR for its field presences. */
  parent: entityCodeSchema
    .optional()
    .describe('The entity this one belongs to, e.g. OHCHR for its field presences'),
});
export type UnEntity = z.infer<typeof unEntitySchema>;

/**
 * The shape of libs/case-access/data/un-entities.yaml: a version and a list of entities whose
 * codes are unique and whose parents are listed too.
 */
export const entityRegistryDocumentSchema = z
  .strictObject({
    version: z.number().int().positive(),
    entities: z.array(unEntitySchema).min(1),
  })
  .superRefine((document, context) => {
    const codes = new Set<string>();
    document.entities.forEach((entity, index) => {
      if (codes.has(entity.code)) {
        context.addIssue({
          code: 'custom',
          path: ['entities', index, 'code'],
          message: `${entity.code} is listed twice`,
        });
      }
      codes.add(entity.code);
    });
    document.entities.forEach((entity, index) => {
      if (entity.parent === undefined) return;
      if (entity.parent === entity.code || !codes.has(entity.parent)) {
        context.addIssue({
          code: 'custom',
          path: ['entities', index, 'parent'],
          message: `${entity.parent} is not another listed entity`,
        });
      }
    });
  });
export type EntityRegistryDocument = z.infer<typeof entityRegistryDocumentSchema>;
