import { resolve } from 'node:path';
import { parseYamlPolicy, readPolicyVersions } from '@reprisals/service-platform';
import { ResponseProtocolPolicy } from '../../domain/protocol-policy/response-protocol-policy';
import { responseProtocolDocumentSchema } from '../../domain/protocol-policy/response-protocol-policy.schema';

/** Where the published versions of the protocol live unless RESPONSE_PROTOCOL_DIR says otherwise. */
export const DEFAULT_RESPONSE_PROTOCOL_DIR = resolve(__dirname, '../../../policies');

/** Reads every `response-protocol.v*.yaml` of a directory; throws PolicyFileError naming every problem. */
export function loadResponseProtocolPolicies(
  directory = DEFAULT_RESPONSE_PROTOCOL_DIR,
): ResponseProtocolPolicy[] {
  return readPolicyVersions(directory, 'response-protocol', responseProtocolDocumentSchema).map(
    (document) => new ResponseProtocolPolicy(document),
  );
}

/** Validates one version of the protocol (YAML); every problem is named with its line. */
export function parseResponseProtocolPolicy(text: string, source = 'document'): ResponseProtocolPolicy {
  return new ResponseProtocolPolicy(parseYamlPolicy(text, responseProtocolDocumentSchema, source));
}
