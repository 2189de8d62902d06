import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { PolicyFileError, readYamlPolicyFile } from './yaml-policy-file';

/**
 * Reads every published version of a policy from a directory: the files `<name>.v<N>.yaml`, each
 * validated by `schema`, whose `version` must be `<name>/v<N>` as the file name says. Throws
 * PolicyFileError naming every problem and its line; a directory without a version is one too.
 */
export function readPolicyVersions<TSchema extends z.ZodType<{ version: string }>>(
  directory: string,
  name: string,
  schema: TSchema,
): Array<z.infer<TSchema>> {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.v(\\d+)\\.ya?ml$`);
  const files = readdirSync(directory)
    .filter((file) => pattern.test(file))
    .sort();
  if (files.length === 0) throw new PolicyFileError(directory, [`holds no ${name}.v*.yaml`]);
  return files.map((file) => {
    const path = join(directory, file);
    const document = readYamlPolicyFile(path, schema);
    const expected = `${name}/v${pattern.exec(file)![1]}`;
    if (document.version !== expected)
      throw new PolicyFileError(path, [`version: must be ${expected}, as the file name says`]);
    return document;
  });
}
