/**
 * The steps the engine knows how to take. A protocol version allows a step by describing it
 * (from which stages, to which, who performs it, its gates); a step it leaves out is refused.
 */
export const PROTOCOL_STEPS = [
  'begin-screening',
  'screen',
  'assess-risk',
  'record-corroboration',
  'conclude-verification',
  'propose-action',
  'withdraw-action',
  'complete-action',
  'close',
  'adopt-policy-version',
] as const;
export type ProtocolStep = (typeof PROTOCOL_STEPS)[number];

/** The gates a step may name, each enforced by the engine. */
export const PROTOCOL_GATES = ['consent', 'protection', 'four-eyes'] as const;
export type ProtocolGate = (typeof PROTOCOL_GATES)[number];
