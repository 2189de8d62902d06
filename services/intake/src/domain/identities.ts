/**
 * The identifying part of an allegation: who the victims and sources are and the detailed
 * account. Intake keeps it sealed with the case's key; everywhere else the people are known by
 * pseudonym and by the non-identifying facts that statistics need (profile, gender, age group).
 */
export const VICTIM_PROFILES = [
  'human-rights-defender',
  'journalist',
  'lawyer',
  'trade-unionist',
  'victim',
  'witness',
  'relative',
  'nhri-staff',
  'indigenous-representative',
  'civil-society-organisation',
  'other',
] as const;
export const GENDERS = ['woman', 'man', 'non-binary', 'undisclosed'] as const;
export const AGE_GROUPS = ['child', 'youth', 'adult', 'older-person', 'unknown'] as const;
export const ORGANISATION_TYPES = [
  'ngo',
  'nhri',
  'media',
  'trade-union',
  'indigenous-peoples-organisation',
  'academic',
  'other',
] as const;
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
}
