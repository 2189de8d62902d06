import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseYamlPolicy, PolicyFileError } from '@reprisals/service-platform';
import { ResponseProtocolPolicy } from '../../domain/protocol-policy/response-protocol-policy';
import { responseProtocolDocumentSchema } from '../../domain/protocol-policy/response-protocol-policy.schema';

/** Where the published versions of the protocol live unless RESPONSE_PROTOCOL_DIR says otherwise. */
export const DEFAULT_RESPONSE_PROTOCOL_DIR = resolve(__dirname, '../../../policies');

/** Reads every `response-protocol.v*.yaml` of a directory; throws PolicyFileError naming every problem. */
export function loadResponseProtocolPolicies(
  directory = DEFAULT_RESPONSE_PROTOCOL_DIR,
): ResponseProtocolPolicy[] {
  const files = readdirSync(directory)
    .filter((name) => /^response-protocol\.v\d+\.ya?ml$/.test(name))
    .sort();
  if (files.length === 0) throw new PolicyFileError(directory, ['holds no response-protocol.v*.yaml']);
  return files.map((name) => {
    const path = join(directory, name);
    const policy = parseResponseProtocolPolicy(readFileSync(path, 'utf8'), path);
    const expected = `response-protocol/v${/\.v(\d+)\./.exec(name)?.[1] ?? ''}`;
    if (policy.version !== expected)
      throw new PolicyFileError(path, [`version: must be ${expected}, as the file name says`]);
    return policy;
  });
}

/** Validates one version of the protocol (YAML); every problem is named with its line. */
export function parseResponseProtocolPolicy(text: string, source = 'document'): ResponseProtocolPolicy {
  return new ResponseProtocolPolicy(parseYamlPolicy(text, responseProtocolDocumentSchema, source));
}
