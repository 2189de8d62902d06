import type {
  AllegationChangedData,
  AllegationReceivedData,
  LeadTransferredData,
} from '@reprisals/contracts';
import { isNotOlder, type ReportCase, type ReportCaseChange, type ReportedVictim } from './report-case';

/** The allegation as received is its version 1; each change carries the version it made. */
const RECEIVED_VERSION = 1;

type CountedFacts = Partial<Pick<AllegationChangedData, 'victims' | 'acts' | 'cooperation'>>;

/**
 * Intake recorded the allegation: its reception, the receiving entity as lead (unless a transfer
 * is already known), and the facts statistics count, unless a later version of them is known.
 * The cooperation's `detail` (the mandate or treaty body, written by a person) is not kept.
 */
export const allegationReceived =
  (data: AllegationReceivedData): ReportCaseChange =>
  (current) => ({
    ...withCountedFacts(current, RECEIVED_VERSION, {
      victims: data.victims,
      acts: data.acts,
      ...(data.cooperation ? { cooperation: data.cooperation } : {}),
    }),
    reference: data.reference,
    stateConcerned: data.stateConcerned,
    receivedOn: data.receivedOn,
    leadEntity: current.leadTransferredAt === null ? data.leadEntity : current.leadEntity,
  });

/** The lead entity corrected the allegation: each group of facts it carries replaces an older version's. */
export const allegationChanged =
  (data: AllegationChangedData): ReportCaseChange =>
  (current) =>
    withCountedFacts(current, data.allegationVersion, {
      ...(data.victims ? { victims: data.victims } : {}),
      ...(data.acts ? { acts: data.acts } : {}),
      ...(data.cooperation ? { cooperation: data.cooperation } : {}),
    });

/** The lead moved to another entity, unless a later transfer is already known. */
export const leadTransferred =
  (data: LeadTransferredData): ReportCaseChange =>
  (current, at) =>
    isNotOlder(at, current.leadTransferredAt)
      ? { ...current, leadEntity: data.toEntity, leadTransferredAt: at }
      : current;

/**
 * The case's personal data were erased: the statistics stay, and the victims lose their
 * pseudonyms here too, for good (a fact received again later comes without them).
 */
export const personalDataErased = (): ReportCaseChange => (current) => ({
  ...current,
  personalDataErased: true,
  victims: current.victims.map(withoutPseudonym),
});

function withCountedFacts(current: ReportCase, version: number, facts: CountedFacts): ReportCase {
  const next: ReportCase = { ...current, factVersions: { ...current.factVersions } };
  if (facts.victims && version > current.factVersions.victims) {
    next.victims = facts.victims.map(({ pseudonym, kind, profile, gender, ageGroup, organisationType }) => ({
      pseudonym: current.personalDataErased ? null : pseudonym,
      kind,
      profile,
      gender,
      ageGroup,
      organisationType,
    }));
    next.factVersions.victims = version;
  }
  if (facts.acts && version > current.factVersions.acts) {
    next.acts = facts.acts.map(({ type, occurredOn, online, perpetrator }) => ({
      type,
      occurredOn,
      online,
      perpetrator,
    }));
    next.factVersions.acts = version;
  }
  if (facts.cooperation && version > current.factVersions.cooperation) {
    next.mechanism = facts.cooperation.mechanism;
    next.category = facts.cooperation.category;
    next.factVersions.cooperation = version;
  }
  return next;
}

function withoutPseudonym(victim: ReportedVictim): ReportedVictim {
  return { ...victim, pseudonym: null };
}
