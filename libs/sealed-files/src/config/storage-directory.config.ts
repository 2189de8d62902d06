import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** A variable set to nothing but blanks counts as unset. */
export const unsetWhenEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The variable naming a store's directory: trimmed, optional (see directoryRequiredInProduction). */
export function directorySetting() {
  return z.preprocess(unsetWhenEmpty, z.string().trim().optional());
}

/** For `superRefine`: in production the directory `variable` must be set. */
export function directoryRequiredInProduction(variable: string) {
  return (
    env: Readonly<Record<string, unknown>>,
    context: { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void },
  ): void => {
    if (env['NODE_ENV'] === 'production' && !env[variable]) {
      context.addIssue({
        code: 'custom',
        path: [variable],
        message: 'is required when NODE_ENV is production (a durable directory, backed up, mode 700)',
      });
    }
  };
}

/**
 * The absolute directory a store keeps its files in: the one configured, or outside production
 * `developmentDirectory` under the workspace root.
 */
export function storageDirectory(
  configured: string | undefined,
  repoRoot: string,
  developmentDirectory: string,
): string {
  const directory = configured ?? join(repoRoot, developmentDirectory);
  return isAbsolute(directory) ? directory : resolve(directory);
}

/** `ATTACHMENT_MAX_BYTES must be a number of bytes; …`: each variable at fault and why. */
export function settingProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`).join('; ');
}
