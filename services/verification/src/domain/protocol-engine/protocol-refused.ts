/** What refused a step: the engine names it, and what would satisfy it, in the answer. */
export type RefusingGate =
  | 'step'
  | 'stage'
  | 'performer'
  | 'lead-entity'
  | 'consent'
  | 'protection'
  | 'four-eyes'
  | 'reference'
  | 'input'
  | 'policy-version';

/**
 * A step the protocol does not allow now. Nothing changes: the engine throws before it returns
 * an outcome. `status` is the HTTP answer: 403 for who may not, 409 for what the case's state or
 * a gate forbids, 422 for a reference to something the case does not have.
 */
export class ProtocolRefused extends Error {
  override readonly name = 'ProtocolRefused';

  constructor(
    readonly gate: RefusingGate,
    message: string,
    readonly satisfiedBy: string,
    readonly status: 403 | 409 | 422 = 409,
  ) {
    super(message);
  }
}
