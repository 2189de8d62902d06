import type { EntityManager } from 'typeorm';

/** What a replay came to: processed, already processed (duplicate), or dead-lettered again. */
export type ReplayOutcome = 'processed' | 'duplicate' | 'dead-lettered';

/** What a replay settled, told to its recorder inside the transaction that commits it. */
export interface SettledReplay {
  deadLetterId: string;
  outcome: ReplayOutcome;
  /** The event's subject (the `ce_subject` header) as the letter kept it, when it had one. */
  subject: string | null;
}

/**
 * Runs in the transaction that commits a replay's effect (the handler's work and the letter
 * marked replayed, or the letter recorded again with its new reason): the service audits the
 * replay there, as the last step before commit.
 */
export type ReplayRecorder = (manager: EntityManager, replay: SettledReplay) => Promise<void>;

export type ReplayRefusalReason = 'not-found' | 'already-replayed' | 'no-subscription';

const REFUSALS: Record<ReplayRefusalReason, string> = {
  'not-found': 'No such dead letter for this service',
  'already-replayed': 'The dead letter was already replayed',
  'no-subscription': 'The subscription of the dead letter is no longer registered',
};

/** A replay refused before it had any effect. `reason` is a fixed code, fit for the audit trail. */
export class ReplayRefusedError extends Error {
  override readonly name = 'ReplayRefusedError';

  constructor(
    readonly reason: ReplayRefusalReason,
    /** The letter's event subject, when the letter exists and its event had one. */
    readonly subject: string | null = null,
  ) {
    super(REFUSALS[reason]);
  }
}

/**
 * The recorder of a replay failed: the replay's effect was rolled back with it. Not a failure of
 * the handler, so it is neither retried nor dead-lettered; `cause` holds the recorder's error.
 */
export class ReplayNotRecordedError extends Error {
  override readonly name = 'ReplayNotRecordedError';

  constructor(options: { cause: unknown }) {
    super('The replay could not be recorded; it was rolled back', options);
  }
}
