import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ResponseProtocolPolicy } from '../../domain/protocol-policy/response-protocol-policy';
import { responseProtocolDocumentSchema } from '../../domain/protocol-policy/response-protocol-policy.schema';

/** Where the published versions of the protocol live unless RESPONSE_PROTOCOL_DIR says otherwise. */
export const DEFAULT_RESPONSE_PROTOCOL_DIR = resolve(__dirname, '../../../policies');

/** A policy file that cannot be used; the message names the file, the line and the field. */
export class ResponseProtocolPolicyError extends Error {
  override readonly name = 'ResponseProtocolPolicyError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Response protocol ${source} is not valid:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads every `response-protocol.v*.yaml` of a directory; throws naming every problem of every file. */
export function loadResponseProtocolPolicies(
  directory = DEFAULT_RESPONSE_PROTOCOL_DIR,
): ResponseProtocolPolicy[] {
  const files = readdirSync(directory)
    .filter((name) => /^response-protocol\.v\d+\.ya?ml$/.test(name))
    .sort();
  if (files.length === 0)
    throw new ResponseProtocolPolicyError(directory, ['holds no response-protocol.v*.yaml']);
  return files.map((name) => {
    const path = join(directory, name);
    const policy = parseResponseProtocolPolicy(readFileSync(path, 'utf8'), path);
    const expected = `response-protocol/v${/\.v(\d+)\./.exec(name)?.[1] ?? ''}`;
    if (policy.version !== expected)
      throw new ResponseProtocolPolicyError(path, [`version: must be ${expected}, as the file name says`]);
    return policy;
  });
}

/**
 * Validates one policy text. The `yaml` parser keeps each node's position, so every schema
 * problem is reported with the line of the value (or of the nearest key above it) that caused it.
 */
export function parseResponseProtocolPolicy(text: string, source = 'document'): ResponseProtocolPolicy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ResponseProtocolPolicyError(
      source,
      document.errors.map(
        (error) => `line ${lineCounter.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`,
      ),
    );
  }
  const result = responseProtocolDocumentSchema.safeParse(document.toJS());
  if (!result.success)
    throw new ResponseProtocolPolicyError(
      source,
      result.error.issues.map((issue) => describeIssue(issue, document, lineCounter)),
    );
  return new ResponseProtocolPolicy(result.data);
}

function describeIssue(issue: z.core.$ZodIssue, document: Document, lines: LineCounter): string {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  // An unknown key is pointed at itself, not at the map that holds it.
  const at = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
  const field = path.join('.');
  const line = lineOf(document, at, lines);
  const where = line ? `line ${line}: ` : '';
  const message =
    issue.code === 'invalid_union' ? 'must be a described stage, or a stage per outcome' : issue.message;
  return `${where}${field ? `${field}: ` : ''}${message}`;
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
