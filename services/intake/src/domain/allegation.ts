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

/** Dates an allegation carries that must not lie in the future, by the field that holds them. */
export interface DatedFacts {
  cooperationDate?: string | undefined;
  acts?: ReadonlyArray<{
    date?: string | undefined;
    periodFrom?: string | undefined;
    periodTo?: string | undefined;
  }>;
}

/** The dates, by field, that lie after `now`'s day, each as an issue naming its field. */
export function datesInTheFuture(
  dates: Record<string, string | undefined>,
  now: Date,
): Array<{ field: string; message: string }> {
  const today = now.toISOString().slice(0, 10);
  return Object.entries(dates)
    .filter(([, date]) => date !== undefined && date > today)
    .map(([field]) => ({ field, message: 'cannot be later than today' }));
}

/** Every problem found at once, each naming its field. */
export class AllegationRejected extends Error {
  override readonly name = 'AllegationRejected';
  constructor(readonly issues: ReadonlyArray<{ field: string; message: string }>) {
    super(`Allegation rejected: ${issues.map((issue) => issue.field).join(', ')}`);
  }
}

/**
 * Records a new allegation. The entity that records it leads the case. Nothing it tells can
 * have happened after the moment it is recorded.
 */
export function receiveAllegation(
  facts: ReceiveAllegationFacts & DatedFacts,
  context: { id: string; reference: string; recordedBy: AllegationRecorder; now: Date },
): Allegation {
  const issues = datesInTheFuture(
    {
      receivedOn: facts.receivedOn,
      'cooperation.date': facts.cooperationDate,
      ...Object.fromEntries(
        (facts.acts ?? []).flatMap((act, index) => [
          [`acts.${index}.date`, act.date],
          [`acts.${index}.periodFrom`, act.periodFrom],
          [`acts.${index}.periodTo`, act.periodTo],
        ]),
      ),
    },
    context.now,
  );
  if (issues.length > 0) throw new AllegationRejected(issues);
  return {
    stateConcerned: facts.stateConcerned,
    receivedVia: facts.receivedVia,
    receivedOn: facts.receivedOn,
    summary: facts.summary,
    submissionLanguage: facts.submissionLanguage,
    id: context.id,
    reference: context.reference,
    leadEntity: context.recordedBy.entity,
    recordedBy: context.recordedBy,
    recordedAt: context.now,
  };
}
