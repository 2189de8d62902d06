/** A message to a Permanent Mission, as a dispatch adapter delivers it. */
export interface OutgoingMessage {
  /** Stable per message: a second delivery of the same id is not a second message. */
  messageId: string;
  to: string;
  subject: string;
  body: string;
  language: string;
}

/**
 * Delivers messages to Permanent Missions: SMTP for real use, files (.eml) in standalone mode.
 * `deliver` must be idempotent by `messageId`: the dispatch timer may run it again after a
 * crash, and the mission must not receive the communication twice.
 */
export interface DispatchPort {
  deliver(message: OutgoingMessage): Promise<void>;
}

export const DISPATCH_PORT = Symbol('DispatchPort');

/** The domain of the sender's address: Message-IDs are made in it. */
export function senderDomain(from: string): string {
  return /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'localhost';
}
