import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { EntityRegistry } from './entity-registry';
import { entityRegistryDocumentSchema } from './un-entity';

/** The registry file every service loads unless told otherwise. */
export const DEFAULT_ENTITY_REGISTRY_PATH = resolve(__dirname, '../../data/un-entities.yaml');

export class EntityRegistryError extends Error {
  override readonly name = 'EntityRegistryError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Entity registry ${source} is not valid: ${problems.join('; ')}`);
  }
}

/** Reads and validates the registry file; throws EntityRegistryError naming every problem. */
export function loadEntityRegistry(path: string = DEFAULT_ENTITY_REGISTRY_PATH): EntityRegistry {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new EntityRegistryError(path, [`cannot read the file (${code})`]);
  }
  return parseEntityRegistry(text, path);
}

/** Validates registry text (YAML). `source` names it in error messages. */
export function parseEntityRegistry(text: string, source = 'document'): EntityRegistry {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new EntityRegistryError(source, [`not valid YAML: ${message}`]);
  }
  const result = entityRegistryDocumentSchema.safeParse(document);
  if (!result.success) throw new EntityRegistryError(source, result.error.issues.map(describeIssue));
  return new EntityRegistry(result.data.entities, result.data.version);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
