import { PossibleDuplicateRecordEntity } from '../../infrastructure/duplicates/possible-duplicate-record.entity';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { createEvent, PossibleDuplicateFound, type FingerprintKind } from '@reprisals/contracts';
import type { UnitOfWork } from '@reprisals/messaging';
import {
  FingerprintKey,
  victimFingerprints,
  type IdentifiedVictim,
} from '../../domain/identifier-fingerprint';
import { DUPLICATE_FINGERPRINT_KEY } from '../../infrastructure/duplicates/duplicate-fingerprint-key.config';
import {
  caseMatchesOf,
  deleteFingerprints,
  lockFingerprints,
  replaceVictimFingerprints,
  type CaseMatch,
} from '../../infrastructure/duplicates/duplicate-fingerprint.repository';
import { recordPossibleDuplicates } from '../../infrastructure/duplicates/possible-duplicate.repository';
import { duplicateScore } from '../../domain/possible-duplicate';
import { VictimRecordEntity } from '../../infrastructure/persistence/victim-record.entity';

/**
 * At most this many other cases are paired with a case in one screening, the most likely first
 * (score, then the most recently recorded): an identifier that many cases share (a common name,
 * an organisation's switchboard) pairs the case with the likeliest of them, a list an officer can
 * work through, rather than with each.
 */
export const MAX_PAIRS_PER_SCREENING = 20;

/** The case being screened: its id, the State concerned (the country of its victims' fingerprints) and its lead. */
export interface ScreenedCase {
  id: string;
  stateConcerned: string;
  leadEntity: string;
}

/** A pair this screening found, or widened to more kinds. */
export interface ScreenedPair {
  otherCaseId: string;
  matchedOn: FingerprintKind[];
}

/**
 * Finds the cases, of any entity, that share a person, an organisation or a contact with a case,
 * without decrypting any: each victim's identifiers are fingerprinted (keyed hashes) and only the
 * fingerprints are stored and compared. Runs in the caller's unit of work, so the fingerprints,
 * the pairs found and their PossibleDuplicateFound events commit with the step that caused them.
 *
 * Call it when a case's victims are recorded (screenRecordedCase) and whenever they change
 * (screenVictims with the changed victims; forget for victims removed or a case erased).
 */
@Injectable()
export class PossibleDuplicateScreener {
  constructor(@Inject(DUPLICATE_FINGERPRINT_KEY) private readonly key: FingerprintKey) {}

  /**
   * Right after CaseIdentityStore.record, in the same unit of work: `victims` are the command's,
   * in the order they were recorded (each gets the pseudonym recorded at its position).
   */
  async screenRecordedCase(
    unit: UnitOfWork,
    recorded: ScreenedCase,
    victims: readonly IdentifiedVictim[],
    now: Date,
  ): Promise<ScreenedPair[]> {
    if (victims.length === 0) return [];
    const rows = await unit.manager.getRepository(VictimRecordEntity).find({
      where: { caseId: recorded.id },
      order: { position: 'ASC' },
      select: { caseId: true, pseudonym: true, position: true },
    });
    if (rows.length !== victims.length) {
      throw new Error(
        `Case ${recorded.id} has ${rows.length} recorded victims, but ${victims.length} were given to screen`,
      );
    }
    return this.screenVictims(
      unit,
      recorded,
      rows.map((row, index) => ({ pseudonym: row.pseudonym, identity: victims[index]! })),
      now,
    );
  }

  /**
   * Replaces the fingerprints of these victims of the case (new or changed), then records every
   * pair of cases they now match and announces the new ones. A pair already decided stays so.
   */
  async screenVictims(
    unit: UnitOfWork,
    screened: ScreenedCase,
    victims: ReadonlyArray<{ pseudonym: string; identity: IdentifiedVictim }>,
    now: Date,
  ): Promise<ScreenedPair[]> {
    const fingerprinted = victims.map(({ pseudonym, identity }) => ({
      pseudonym,
      fingerprints: victimFingerprints(identity, { stateConcerned: screened.stateConcerned }, this.key),
    }));
    await lockFingerprints(
      unit.manager,
      fingerprinted.flatMap((victim) => victim.fingerprints.map((fingerprint) => fingerprint.value)),
    );
    await replaceVictimFingerprints(unit.manager, screened.id, fingerprinted, this.key.id, now);
    const matches = mostLikelyFirst(await caseMatchesOf(unit.manager, screened.id, this.key.id)).slice(
      0,
      MAX_PAIRS_PER_SCREENING,
    );
    const outcomes = await recordPossibleDuplicates(
      unit.manager,
      screened.id,
      matches.map((match) => ({
        otherCaseId: match.otherCaseId,
        kinds: match.kinds,
        caseVictims: match.victims,
        otherCaseVictims: match.otherVictims,
      })),
      now,
    );
    const announced: ScreenedPair[] = [];
    for (const { otherCaseId, outcome, matchedOn } of outcomes) {
      if (outcome === 'unchanged') continue;
      unit.record(
        createEvent(
          PossibleDuplicateFound,
          { caseId: screened.id, otherCaseId, matchedOn },
          {
            caseId: screened.id,
            // Found by intake's own rule, on the lead's behalf: no person decided it.
            actor: { kind: 'system', service: 'intake', entity: screened.leadEntity },
            occurredAt: now,
          },
        ),
      );
      announced.push({ otherCaseId, matchedOn });
    }
    return announced;
  }

  /**
   * Deletes the fingerprints of a case whose personal data is erased (or of the victims given,
   * once removed from it): nothing matches it again. The pairs already found (ids only) remain.
   */
  async forget(manager: EntityManager, caseId: string, pseudonyms?: readonly string[]): Promise<void> {
    await deleteFingerprints(manager, caseId, pseudonyms);
  }

  /**
   * An erased case can no longer be linked to anyone: its open pairs are closed as dismissed
   * (`personal-data-erased`), so a link decision on them is refused as already decided.
   */
  async closeForErasure(
    manager: EntityManager,
    caseId: string,
    by: { sub: string; entity: string; at: Date },
  ): Promise<void> {
    await manager
      .getRepository(PossibleDuplicateRecordEntity)
      .createQueryBuilder()
      .update()
      .set({
        status: 'dismissed',
        decidedAt: by.at,
        decidedBySub: by.sub,
        decidedByEntity: by.entity,
        decidedForCaseId: caseId,
        decisionReason: 'personal-data-erased',
        updatedAt: by.at,
      })
      .where("status = 'open' AND (case_id = :caseId OR other_case_id = :caseId)", { caseId })
      .execute();
  }
}

function mostLikelyFirst(matches: CaseMatch[]): CaseMatch[] {
  const scored = matches.map((match) => ({ match, score: duplicateScore(match.kinds) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.match.recordedAt.getTime() - a.match.recordedAt.getTime() ||
      a.match.otherCaseId.localeCompare(b.match.otherCaseId),
  );
  return scored.map(({ match }) => match);
}
