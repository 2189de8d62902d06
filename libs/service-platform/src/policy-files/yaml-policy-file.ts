import { readFileSync } from 'node:fs';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** A policy file that cannot be used; the message names the file, and each problem its line and field. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is not valid:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads a YAML policy file and validates it; throws PolicyFileError naming every problem. */
export function readYamlPolicyFile<TSchema extends z.ZodType>(
  path: string,
  schema: TSchema,
): z.infer<TSchema> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PolicyFileError(path, [
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    ]);
  }
  return parseYamlPolicy(text, schema, path);
}

/**
 * Validates policy text (YAML) against a zod schema. The `yaml` parser keeps each node's
 * position, so every problem is reported with the line of the value (or of the key, for an
 * unknown key) that caused it: written by hand because zod reports paths, not lines.
 */
export function parseYamlPolicy<TSchema extends z.ZodType>(
  text: string,
  schema: TSchema,
  source = 'document',
): z.infer<TSchema> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0)
    throw new PolicyFileError(
      source,
      document.errors.map(
        (error) => `line ${lineCounter.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`,
      ),
    );
  const result = schema.safeParse(document.toJS());
  if (!result.success)
    throw new PolicyFileError(
      source,
      result.error.issues.map((issue) => describeIssue(issue, document, lineCounter)),
    );
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue, document: Document, lines: LineCounter): string {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  // An unknown key is pointed at itself, not at the map that holds it.
  const at = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
  const field = path.join('.');
  const line = lineOf(document, at, lines);
  const message = issue.code === 'invalid_union' ? 'is none of the accepted forms' : issue.message;
  return `${line ? `line ${line}: ` : ''}${field ? `${field}: ` : ''}${message}`;
}

/** The line of the deepest node of the path that exists (an unknown key is found in its parent map). */
function lineOf(document: Document, path: (string | number)[], lines: LineCounter): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      if (depth === path.length || !isMap(node)) return lines.linePos(node.range[0]).line;
      const key = path[depth];
      const pair = node.items.find(
        (item) => isNode(item.key) && (item.key as { value?: unknown }).value === key,
      );
      const at = pair && isNode(pair.key) ? pair.key.range?.[0] : node.range[0];
      return lines.linePos(at ?? node.range[0]).line;
    }
  }
  return undefined;
}
