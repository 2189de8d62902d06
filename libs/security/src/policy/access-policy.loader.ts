import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { AccessPolicy } from './access-policy';
import { AccessPolicyDocumentSchema } from './access-policy.schema';

/** The policy file every service loads unless told otherwise. */
export const DEFAULT_ACCESS_POLICY_PATH = resolve(__dirname, '../../policy/access-policy.yaml');

export class AccessPolicyError extends Error {
  override readonly name = 'AccessPolicyError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Access policy ${source} is not valid: ${problems.join('; ')}`);
  }
}

/** Reads and validates the policy file; throws AccessPolicyError naming every problem. */
export function loadAccessPolicy(path: string = DEFAULT_ACCESS_POLICY_PATH): AccessPolicy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AccessPolicyError(path, [`cannot read the file (${code})`]);
  }
  return parseAccessPolicy(text, path);
}

/** Validates policy text (YAML). `source` names it in error messages. */
export function parseAccessPolicy(text: string, source = 'document'): AccessPolicy {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new AccessPolicyError(source, [`not valid YAML: ${message}`]);
  }
  const result = AccessPolicyDocumentSchema.safeParse(document);
  if (!result.success) {
    throw new AccessPolicyError(source, result.error.issues.map(describeIssue));
  }
  return new AccessPolicy(result.data);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const key = String(segment);
    return text ? `${text}.${key}` : key;
  }, '');
  return path ? `${path}: ${issue.message}` : issue.message;
}
