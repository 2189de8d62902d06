import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { PolicyFileError, PublishedPolicies, readYamlPolicyFile } from '@reprisals/service-platform';
import { CommunicationPolicy } from '../../domain/communication-policy/communication-policy';
import { communicationPolicyDocumentSchema } from '../../domain/communication-policy/communication-policy.schema';

/** Where the published versions live unless STATE_COMMUNICATION_POLICY_DIR says otherwise. */
export const DEFAULT_COMMUNICATION_POLICY_DIR = resolve(__dirname, '../../../policies');

/** Every published version of the rules of communications with States. */
export class CommunicationPolicies extends PublishedPolicies<CommunicationPolicy> {}

/** Reads every `state-communication.v*.yaml` of a directory; throws PolicyFileError naming every problem and its line. */
export function loadCommunicationPolicies(
  directory = DEFAULT_COMMUNICATION_POLICY_DIR,
): CommunicationPolicy[] {
  const files = readdirSync(directory)
    .filter((name) => /^state-communication\.v\d+\.ya?ml$/.test(name))
    .sort();
  if (files.length === 0) throw new PolicyFileError(directory, ['holds no state-communication.v*.yaml']);
  return files.map((name) => {
    const path = join(directory, name);
    const policy = new CommunicationPolicy(readYamlPolicyFile(path, communicationPolicyDocumentSchema));
    const expected = `state-communication/v${/\.v(\d+)\./.exec(name)?.[1] ?? ''}`;
    if (policy.version !== expected)
      throw new PolicyFileError(path, [`version: must be ${expected}, as the file name says`]);
    return policy;
  });
}

/** The published versions, read once at start; a broken file stops the start. */
export const communicationPoliciesProvider: Provider = {
  provide: CommunicationPolicies,
  useFactory: () =>
    new CommunicationPolicies(
      loadCommunicationPolicies(process.env['STATE_COMMUNICATION_POLICY_DIR'] || undefined),
    ),
};
