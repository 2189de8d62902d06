import { ConflictException, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AUDIT_CHAIN_IDS } from '@reprisals/contracts';
import { ReplayRefusedError } from '@reprisals/messaging';
import { caseOfSubject, replayRefusal } from './dead-letter-replay.refusal';

describe('the audit of a dead-letter replay', () => {
  it('given the subject of a case event, when audited, then the record names the case', () => {
    const caseId = randomUUID();

    expect(caseOfSubject(caseId)).toEqual({ caseId });
  });

  it.each([
    ['no subject', null],
    ['the id of an audit chain', AUDIT_CHAIN_IDS.reporting],
    ['a subject that is no case id', 'Jane Doe'],
  ])('given %s, when audited, then the record names no case', (_name, subject) => {
    expect(caseOfSubject(subject)).toEqual({});
  });

  it.each([
    ['not-found', NotFoundException],
    ['already-replayed', ConflictException],
    ['no-subscription', ConflictException],
  ] as const)(
    'given a replay refused as %s, when answered, then the reason is audited and the answer fits',
    (reason, answer) => {
      const refusal = replayRefusal(new ReplayRefusedError(reason));

      expect(refusal.reason).toBe(reason);
      expect(refusal.answer).toBeInstanceOf(answer);
    },
  );
});
