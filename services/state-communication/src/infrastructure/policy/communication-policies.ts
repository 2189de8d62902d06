import { resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { PublishedPolicies, readPolicyVersions } from '@reprisals/service-platform';
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
  return readPolicyVersions(directory, 'state-communication', communicationPolicyDocumentSchema).map(
    (document) => new CommunicationPolicy(document),
  );
}

/** The published versions, read once at start; a broken file stops the start. */
export const communicationPoliciesProvider: Provider = {
  provide: CommunicationPolicies,
  useFactory: () =>
    new CommunicationPolicies(
      loadCommunicationPolicies(process.env['STATE_COMMUNICATION_POLICY_DIR'] || undefined),
    ),
};
