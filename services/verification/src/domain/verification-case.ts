import type { PROTOCOL_STAGES } from '@reprisals/contracts';

export type ProtocolStage = (typeof PROTOCOL_STAGES)[number];

/** A case as the graduated response protocol sees it. */
export interface VerificationCase {
  caseId: string;
  reference: string;
  stateConcerned: string;
  leadEntity: string;
  stage: ProtocolStage;
  protocolVersion: string;
  openedAt: Date;
}

/** Every case enters the protocol at its first stage, under the protocol version in force. */
export function openVerificationCase(
  allegation: { caseId: string; reference: string; stateConcerned: string; leadEntity: string },
  context: { protocolVersion: string; now: Date },
): VerificationCase {
  return {
    ...allegation,
    stage: 'registered',
    protocolVersion: context.protocolVersion,
    openedAt: context.now,
  };
}
