/** A step on a communication that its state or the rules forbid; nothing changes. */
export class CommunicationRefused extends Error {
  override readonly name = 'CommunicationRefused';

  constructor(
    readonly code: string,
    message: string,
    readonly status: 403 | 404 | 409 | 422 = 409,
  ) {
    super(message);
  }
}
