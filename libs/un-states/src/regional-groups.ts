import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { FICTIONAL_REGIONAL_GROUPS } from './fictional-states';
import { ALPHA3_PATTERN } from './un-state';
import { fictionalStatesAdmitted } from './un-states';
import { parseDataFile, UnStatesDataError } from './un-states.loader';

/** The five UN regional groups, as codes. */
export const UN_REGIONAL_GROUPS = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-others',
] as const;
export type UnRegionalGroup = (typeof UN_REGIONAL_GROUPS)[number];

/** The group of a State in none: the Observer States, and any code that is not a Member State's. */
export const NO_REGIONAL_GROUP = 'no-group';
export type UnRegionalGroupOrNone = UnRegionalGroup | typeof NO_REGIONAL_GROUP;

/** The shipped list (see the rule for Kiribati, Israel, Türkiye and the United States in it). */
export const UN_REGIONAL_GROUPS_DATA_PATH = resolve(__dirname, '../data/regional-groups.yaml');

const regionalGroupsDocumentSchema = z.strictObject({
  groups: z.strictObject(
    Object.fromEntries(
      UN_REGIONAL_GROUPS.map((group) => [
        group,
        z.array(z.string().regex(ALPHA3_PATTERN, 'must be an ISO 3166-1 alpha-3 code')),
      ]),
    ) as Record<UnRegionalGroup, z.ZodArray<z.ZodString>>,
  ),
});

/** Validates the list's text (YAML): each code in one group only. `source` names it in errors. */
export function parseRegionalGroups(text: string, source = 'document'): ReadonlyMap<string, UnRegionalGroup> {
  const document = parseDataFile(regionalGroupsDocumentSchema, text, source);
  const byState = new Map<string, UnRegionalGroup>();
  const problems: string[] = [];
  for (const group of UN_REGIONAL_GROUPS)
    for (const code of document.groups[group]) {
      const other = byState.get(code);
      if (other) problems.push(`${code} is in ${other} and in ${group}`);
      byState.set(code, group);
    }
  if (problems.length > 0) throw new UnStatesDataError(source, problems);
  return byState;
}

const REGIONAL_GROUP_OF: ReadonlyMap<string, UnRegionalGroup> = parseRegionalGroups(
  readFileSync(UN_REGIONAL_GROUPS_DATA_PATH, 'utf8'),
  UN_REGIONAL_GROUPS_DATA_PATH,
);

/**
 * The UN regional group of the State with this alpha-3 code; `no-group` for the Observer States
 * (Holy See, State of Palestine) and for any code that is not a Member State's. A fictional State
 * has the group the demonstration gives it while the process admits them (demo mode), none else.
 */
export function unRegionalGroupOf(code: string): UnRegionalGroupOrNone {
  return (
    REGIONAL_GROUP_OF.get(code) ??
    (fictionalStatesAdmitted() ? FICTIONAL_REGIONAL_GROUPS.get(code) : undefined) ??
    NO_REGIONAL_GROUP
  );
}

/** The Member States of a group, in alpha-3 order. */
export function unRegionalGroupMembers(group: UnRegionalGroup): string[] {
  return [...REGIONAL_GROUP_OF].flatMap(([code, of]) => (of === group ? [code] : [])).sort();
}
