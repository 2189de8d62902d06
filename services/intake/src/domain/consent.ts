import type { ConsentScopes } from '@reprisals/contracts';
import { CONSENT_FORMS, CONSENT_GIVERS, NO_CONSENT } from '@reprisals/contracts';
import type { SharingConsent } from './case-share';

export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** What the person said, as the officer records it. */
export interface ConsentStatement {
  scopes: ConsentScopes;
  givenBy: ConsentGiver;
  givenOn: string;
  form: ConsentForm;
  /**
   * Publishing by name while refusing that the State be told is allowed (the person may want
   * the public record but fear the State hearing it from the UN first), but must be confirmed.
   */
  confirmNamedPublicationWithoutStateRaising?: boolean;
}

/** One version of a case's consent: a recording or a withdrawal. Versions are never changed. */
export interface ConsentVersion {
  caseId: string;
  version: number;
  kind: 'recorded' | 'withdrawn';
  scopes: ConsentScopes;
  givenBy: ConsentGiver;
  givenOn: string;
  form: ConsentForm;
  recordedAt: Date;
}

export class ConsentRefused extends Error {
  override readonly name = 'ConsentRefused';
  constructor(
    readonly code: 'invalid' | 'nothing-to-withdraw',
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** A new version of the case's consent, from a statement made on or before today. */
export function recordConsent(
  current: ConsentVersion | undefined,
  statement: ConsentStatement,
  context: { caseId: string; now: Date },
): ConsentVersion {
  requireNotFuture(statement.givenOn, context.now, 'givenOn');
  const { scopes } = statement;
  if (
    scopes.publish === 'named' &&
    scopes.raiseWithState === 'no' &&
    statement.confirmNamedPublicationWithoutStateRaising !== true
  ) {
    throw new ConsentRefused(
      'invalid',
      'confirmNamedPublicationWithoutStateRaising',
      'publishing by name while refusing that the State be told must be confirmed explicitly',
    );
  }
  return {
    caseId: context.caseId,
    version: (current?.version ?? 0) + 1,
    kind: 'recorded',
    scopes: { ...scopes },
    givenBy: statement.givenBy,
    givenOn: statement.givenOn,
    form: statement.form,
    recordedAt: context.now,
  };
}

/** Withdraws every scope at once; the earlier versions stay as they were. */
export function withdrawConsent(
  current: ConsentVersion | undefined,
  withdrawal: Pick<ConsentStatement, 'givenBy' | 'givenOn' | 'form'>,
  context: { caseId: string; now: Date },
): ConsentVersion {
  if (!current || current.kind === 'withdrawn') {
    throw new ConsentRefused('nothing-to-withdraw', '(body)', 'no consent is in force for this case');
  }
  requireNotFuture(withdrawal.givenOn, context.now, 'givenOn');
  return {
    caseId: context.caseId,
    version: current.version + 1,
    kind: 'withdrawn',
    scopes: { ...NO_CONSENT },
    givenBy: withdrawal.givenBy,
    givenOn: withdrawal.givenOn,
    form: withdrawal.form,
    recordedAt: context.now,
  };
}

/** What consent says about sharing the case with other UN entities right now. */
export function sharingConsentOf(current: ConsentVersion | undefined): SharingConsent {
  if (!current) return 'not-recorded';
  return current.scopes.shareWithUnEntities === 'yes' ? 'given' : 'refused';
}

/** Whether this new version takes back a consent to share that was in force. */
export function endsSharingConsent(before: ConsentVersion | undefined, after: ConsentVersion): boolean {
  return sharingConsentOf(before) === 'given' && sharingConsentOf(after) !== 'given';
}

function requireNotFuture(date: string, now: Date, field: string): void {
  if (date > now.toISOString().slice(0, 10)) {
    throw new ConsentRefused('invalid', field, 'cannot be later than today');
  }
}
