import { PublishedPolicies } from '@reprisals/service-platform';
import type { ResponseProtocolPolicy } from '../../domain/protocol-policy/response-protocol-policy';

/** Every published version of the response protocol, and the one in force on a given day. */
export class ProtocolPolicies extends PublishedPolicies<ResponseProtocolPolicy> {}
