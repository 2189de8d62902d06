import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { unStatesDocumentSchema, type UnState } from './un-state';

/** The shipped list, written by `npm run un-states:generate` (see generator/). */
export const UN_STATES_DATA_PATH = resolve(__dirname, '../data/un-states.yaml');

export class UnStatesDataError extends Error {
  override readonly name = 'UnStatesDataError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`UN States list ${source} is not valid: ${problems.join('; ')}`);
  }
}

/**
 * Reads a data file's text (YAML) by its schema; throws UnStatesDataError naming every problem,
 * and `source` (the file) in the message. Every data file of this library is read through it.
 */
export function parseDataFile<T>(schema: z.ZodType<T>, text: string, source: string): T {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new UnStatesDataError(source, [`not valid YAML: ${message}`]);
  }
  const result = schema.safeParse(document);
  if (!result.success)
    throw new UnStatesDataError(
      source,
      result.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.');
        return path ? `${path}: ${issue.message}` : issue.message;
      }),
    );
  return result.data;
}

/** Validates the list's text (YAML). `source` names it in error messages. */
export function parseUnStates(text: string, source = 'document'): readonly UnState[] {
  const { states } = parseDataFile(unStatesDocumentSchema, text, source);
  return Object.freeze(states.map((state) => Object.freeze({ ...state, names: Object.freeze(state.names) })));
}

/** Reads and validates the list; throws UnStatesDataError naming every problem. */
export function loadUnStates(path: string = UN_STATES_DATA_PATH): readonly UnState[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UnStatesDataError(path, [`cannot read the file (${code})`]);
  }
  return parseUnStates(text, path);
}
