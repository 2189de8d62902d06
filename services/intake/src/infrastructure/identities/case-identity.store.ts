import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { IdentityVault } from '@reprisals/identity-vault';
import type { CaseIdentities } from '../../domain/identities';
import { pseudonymsFor, type PseudonymPrefix } from '../../domain/pseudonym';
import type {
  ActInput,
  CooperationInput,
  SourceInput,
  VictimInput,
} from '../../application/receive-allegation/receive-allegation.command';
import { ActRecordEntity } from '../persistence/act-record.entity';
import { AllegationEntity } from '../persistence/allegation.entity';
import { SourceRecordEntity } from '../persistence/source-record.entity';
import { VictimRecordEntity } from '../persistence/victim-record.entity';

const victimIdentitySchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  contact: z.string().optional(),
});
const sourceIdentitySchema = z.object({ name: z.string(), contact: z.string().optional() });
const actDetailsSchema = z.object({ place: z.string().nullable(), description: z.string().nullable() });

/** The field each sealed value is bound to: a value copied to another person or case does not open. */
const fieldOf = {
  victim: (pseudonym: string) => `victim/${pseudonym}`,
  source: (pseudonym: string) => `source/${pseudonym}`,
  account: 'account',
  cooperation: 'cooperation',
  act: (position: number) => `act/${position}`,
};

/**
 * Writes and reads the identifying part of a case: each victim's and source's identity and the
 * detailed account, sealed with the case's data key. The clear columns hold only pseudonyms and
 * the non-identifying facts statistics need.
 */
@Injectable()
export class CaseIdentityStore {
  constructor(private readonly vault: IdentityVault) {}

  async record(
    manager: EntityManager,
    caseId: string,
    identities: {
      victims: VictimInput[];
      sources: SourceInput[];
      detailedAccount?: string | undefined;
      cooperation: CooperationInput;
      acts: ActInput[];
    },
  ): Promise<{ victims: string[]; sources: string[] }> {
    const victims = await this.replaceVictims(manager, caseId, identities.victims);
    const sources = await this.replaceSources(manager, caseId, identities.sources);
    await this.replaceActs(manager, caseId, identities.acts);
    const { cooperation } = identities;
    await manager.getRepository(AllegationEntity).update(
      { id: caseId },
      {
        ...(await this.cooperationColumns(manager, caseId, cooperation)),
        sealedAccount:
          identities.detailedAccount === undefined
            ? null
            : await this.vault.seal(manager, caseId, fieldOf.account, identities.detailedAccount),
      },
    );
    return {
      victims: victims.people.map((victim) => victim.pseudonym),
      sources: sources.people.map((source) => source.pseudonym),
    };
  }

  /**
   * Makes `victims` the case's victims, in this order: an entry naming an existing pseudonym
   * keeps it (its identity sealed anew), one without gets a new pseudonym, and victims left out
   * are removed (their sealed identity goes with them). Returns who is who, and who was removed.
   */
  async replaceVictims(
    manager: EntityManager,
    caseId: string,
    victims: ReadonlyArray<VictimInput & { pseudonym?: string | undefined }>,
  ): Promise<{ people: Array<{ pseudonym: string; input: VictimInput }>; removed: string[] }> {
    const repository = manager.getRepository(VictimRecordEntity);
    const existing = (await repository.find({ where: { caseId }, select: { pseudonym: true } })).map(
      (row) => row.pseudonym,
    );
    const people = withPseudonyms('V', victims, existing);
    // One value after the other: the first seal of a case creates its key, the others reuse it.
    const rows = await sequentially(
      people.map(({ pseudonym, input: victim }, position) => async () => ({
        caseId,
        pseudonym,
        position,
        kind: victim.kind,
        profile: victim.kind === 'individual' ? victim.profile : null,
        gender: victim.kind === 'individual' ? victim.gender : null,
        ageGroup: victim.kind === 'individual' ? victim.ageGroup : null,
        organisationType: victim.kind === 'organisation' ? victim.organisationType : null,
        sealedIdentity: await this.vault.sealJson(manager, caseId, fieldOf.victim(pseudonym), {
          name: victim.name,
          aliases: victim.kind === 'individual' ? victim.aliases : [],
          ...(victim.contact ? { contact: victim.contact } : {}),
        }),
      })),
    );
    await repository.delete({ caseId });
    if (rows.length > 0) await repository.insert(rows);
    const kept = new Set(people.map((person) => person.pseudonym));
    return { people, removed: existing.filter((pseudonym) => !kept.has(pseudonym)) };
  }

  /** As replaceVictims, for the sources. */
  async replaceSources(
    manager: EntityManager,
    caseId: string,
    sources: ReadonlyArray<SourceInput & { pseudonym?: string | undefined }>,
  ): Promise<{ people: Array<{ pseudonym: string; input: SourceInput }>; removed: string[] }> {
    const repository = manager.getRepository(SourceRecordEntity);
    const existing = (await repository.find({ where: { caseId }, select: { pseudonym: true } })).map(
      (row) => row.pseudonym,
    );
    const people = withPseudonyms('S', sources, existing);
    const rows = await sequentially(
      people.map(({ pseudonym, input: source }, position) => async () => ({
        caseId,
        pseudonym,
        position,
        channel: source.channel,
        receivedOn: source.receivedOn,
        relation: source.relation,
        reliability: source.reliability,
        sealedIdentity: await this.vault.sealJson(manager, caseId, fieldOf.source(pseudonym), {
          name: source.name,
          ...(source.contact ? { contact: source.contact } : {}),
        }),
      })),
    );
    await repository.delete({ caseId });
    if (rows.length > 0) await repository.insert(rows);
    const kept = new Set(people.map((person) => person.pseudonym));
    return { people, removed: existing.filter((pseudonym) => !kept.has(pseudonym)) };
  }

  /** Makes `acts` the case's acts, in this order. */
  async replaceActs(manager: EntityManager, caseId: string, acts: readonly ActInput[]): Promise<void> {
    const rows = await sequentially(
      acts.map((act, position) => async () => ({
        caseId,
        position,
        type: act.type,
        date: act.date ?? null,
        periodFrom: act.periodFrom ?? null,
        periodTo: act.periodTo ?? null,
        country: act.country,
        online: act.online,
        perpetrator: act.perpetrator,
        sealedDetails:
          act.place === undefined && act.description === undefined
            ? null
            : await this.vault.sealJson(manager, caseId, fieldOf.act(position), {
                place: act.place ?? null,
                description: act.description ?? null,
              }),
      })),
    );
    const repository = manager.getRepository(ActRecordEntity);
    await repository.delete({ caseId });
    if (rows.length > 0) await repository.insert(rows);
  }

  /** The allegation's cooperation columns, its description sealed. */
  async cooperationColumns(
    manager: EntityManager,
    caseId: string,
    cooperation: CooperationInput,
  ): Promise<
    Pick<
      AllegationEntity,
      | 'cooperationMechanism'
      | 'cooperationDetail'
      | 'cooperationCategory'
      | 'cooperationDate'
      | 'sealedCooperation'
    >
  > {
    return {
      cooperationMechanism: cooperation.mechanism,
      cooperationDetail: cooperation.detail ?? null,
      cooperationCategory: cooperation.category,
      cooperationDate: cooperation.date ?? null,
      sealedCooperation:
        cooperation.description === undefined
          ? null
          : await this.vault.seal(manager, caseId, fieldOf.cooperation, cooperation.description),
    };
  }

  /** Seals a new detailed account of the case (a change by its lead). */
  sealDetailedAccount(manager: EntityManager, caseId: string, account: string): Promise<string> {
    return this.vault.seal(manager, caseId, fieldOf.account, account);
  }

  /** Opens every identity of the case; throws CaseKeyDestroyed once the case was erased. */
  async open(manager: EntityManager, caseId: string): Promise<CaseIdentities> {
    const [victimRows, sourceRows, actRows, allegation] = await Promise.all([
      manager.getRepository(VictimRecordEntity).find({ where: { caseId }, order: { position: 'ASC' } }),
      manager.getRepository(SourceRecordEntity).find({ where: { caseId }, order: { position: 'ASC' } }),
      manager.getRepository(ActRecordEntity).find({ where: { caseId }, order: { position: 'ASC' } }),
      manager.getRepository(AllegationEntity).findOne({
        where: { id: caseId },
        select: { id: true, sealedAccount: true, sealedCooperation: true },
      }),
    ]);
    const victims = [];
    for (const row of victimRows) {
      const identity = victimIdentitySchema.parse(
        await this.vault.openJson(manager, caseId, fieldOf.victim(row.pseudonym), row.sealedIdentity),
      );
      victims.push({ pseudonym: row.pseudonym, ...identity });
    }
    const sources = [];
    for (const row of sourceRows) {
      const identity = sourceIdentitySchema.parse(
        await this.vault.openJson(manager, caseId, fieldOf.source(row.pseudonym), row.sealedIdentity),
      );
      sources.push({ pseudonym: row.pseudonym, ...identity });
    }
    const acts = [];
    for (const row of actRows) {
      const details = row.sealedDetails
        ? actDetailsSchema.parse(
            await this.vault.openJson(manager, caseId, fieldOf.act(row.position), row.sealedDetails),
          )
        : { place: null, description: null };
      acts.push({ position: row.position, ...details });
    }
    const sealedAccount = allegation?.sealedAccount ?? null;
    const sealedCooperation = allegation?.sealedCooperation ?? null;
    return {
      victims,
      sources,
      detailedAccount: sealedAccount
        ? await this.vault.open(manager, caseId, fieldOf.account, sealedAccount)
        : null,
      cooperationDescription: sealedCooperation
        ? await this.vault.open(manager, caseId, fieldOf.cooperation, sealedCooperation)
        : null,
      acts,
    };
  }
}

async function sequentially<T>(steps: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  for (const step of steps) results.push(await step());
  return results;
}

/**
 * Each entry with the pseudonym it names (one of `existing`, checked by the caller) or a new one
 * that no current entry of the case uses.
 */
function withPseudonyms<T extends { pseudonym?: string | undefined }>(
  prefix: PseudonymPrefix,
  entries: readonly T[],
  existing: readonly string[],
): Array<{ pseudonym: string; input: T }> {
  const fresh = pseudonymsFor(prefix, entries.filter((entry) => !entry.pseudonym).length, new Set(existing));
  return entries.map((input) => ({ pseudonym: input.pseudonym ?? fresh.shift()!, input }));
}
