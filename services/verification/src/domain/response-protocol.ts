/**
 * The version of the published response protocol new cases run under. Every decision
 * records the version that allowed it; moving a case to a new version is an explicit step.
 */
export const CURRENT_RESPONSE_PROTOCOL_VERSION = 'response-protocol/v1';
