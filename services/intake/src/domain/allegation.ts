import type { IntakeChannel } from '@reprisals/contracts';

export interface AllegationRecorder {
  sub: string;
  entity: string;
  role: string;
}

export interface ReceiveAllegationFacts {
  stateConcerned: string;
  receivedVia: IntakeChannel;
  receivedOn: string;
  summary: string;
  submissionLanguage: string;
}

/** An allegation of intimidation or reprisal as the receiving entity recorded it. */
export interface Allegation extends ReceiveAllegationFacts {
  id: string;
  reference: string;
  leadEntity: string;
  recordedBy: AllegationRecorder;
  recordedAt: Date;
}

export class AllegationRejected extends Error {
  override readonly name = 'AllegationRejected';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Records a new allegation. The entity that records it leads the case.
 * An allegation cannot have been received after the moment it is recorded.
 */
export function receiveAllegation(
  facts: ReceiveAllegationFacts,
  context: { id: string; reference: string; recordedBy: AllegationRecorder; now: Date },
): Allegation {
  const today = context.now.toISOString().slice(0, 10);
  if (facts.receivedOn > today) {
    throw new AllegationRejected('receivedOn', 'cannot be later than today');
  }
  return {
    ...facts,
    id: context.id,
    reference: context.reference,
    leadEntity: context.recordedBy.entity,
    recordedBy: context.recordedBy,
    recordedAt: context.now,
  };
}
