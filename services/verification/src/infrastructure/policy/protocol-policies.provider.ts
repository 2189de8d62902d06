import type { Provider } from '@nestjs/common';
import { ProtocolPolicies } from './protocol-policies';
import { loadResponseProtocolPolicies } from './response-protocol-policy.loader';

/**
 * The published versions of the protocol, read once at start from RESPONSE_PROTOCOL_DIR (by
 * default services/verification/policies). A broken file stops the start with every problem
 * and its line.
 */
export const protocolPoliciesProvider: Provider = {
  provide: ProtocolPolicies,
  useFactory: () =>
    new ProtocolPolicies(loadResponseProtocolPolicies(process.env['RESPONSE_PROTOCOL_DIR'] || undefined)),
};
