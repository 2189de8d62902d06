/**
 * The identifying part of an allegation: who the victims and sources are and the detailed
 * account. Intake keeps it sealed with the case's key; everywhere else the people are known by
 * pseudonym and by the non-identifying facts that statistics need (profile, gender, age group).
 */
export { AGE_GROUPS, GENDERS, ORGANISATION_TYPES, VICTIM_PROFILES } from '@reprisals/contracts';
export const SOURCE_RELATIONS = [
  'victim',
  'relative',
  'representative',
  'organisation',
  'witness',
  'other',
] as const;
export const SOURCE_RELIABILITY = ['reliable', 'usually-reliable', 'not-yet-assessed', 'doubtful'] as const;

/** What is sealed for a victim. */
export interface VictimIdentity {
  name: string;
  aliases: string[];
  contact?: string | undefined;
}

/** What is sealed for a source. */
export interface SourceIdentity {
  name: string;
  contact?: string | undefined;
}

/** The identifying fields of a case, as an authorised reader gets them back. */
export interface CaseIdentities {
  victims: Array<{ pseudonym: string } & VictimIdentity>;
  sources: Array<{ pseudonym: string } & SourceIdentity>;
  detailedAccount: string | null;
  /** What the cooperation with the UN was; null when not told. */
  cooperationDescription: string | null;
  /** Where and what exactly, per act, in the order recorded. */
  acts: Array<{ position: number; place: string | null; description: string | null }>;
}
