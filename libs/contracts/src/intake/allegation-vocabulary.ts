import { z } from 'zod';

/**
 * The closed lists an allegation is described with, shared by intake (which records them) and
 * the services that count them (reporting). Values are stable codes: add, never rename.
 */

/** The UN body or mechanism the person cooperated with (HRC resolution 54/24, para 4). */
export const COOPERATION_MECHANISMS = [
  'human-rights-council',
  'universal-periodic-review',
  'special-procedure',
  'treaty-body',
  'ohchr-or-field-presence',
  'peace-operation',
  'security-council',
  'un-agency',
  'regional-mechanism',
] as const;
/** Mechanisms that must name which one: the mandate or the treaty body. */
export const MECHANISMS_NAMED_IN_DETAIL = ['special-procedure', 'treaty-body'] as const;

/**
 * Para 4 of HRC resolution 54/24: (a) cooperated with the UN or gave it testimony or information;
 * (b) used UN procedures, or assisted someone to; (c) submitted communications under human
 * rights instruments, or assisted someone to; (d) relative of a victim or of someone who assisted.
 */
export const COOPERATION_CATEGORIES = ['a', 'b', 'c', 'd'] as const;

export const ACT_TYPES = [
  'arbitrary-arrest-or-detention',
  'travel-ban',
  'threats',
  'intimidation',
  'smear-or-stigmatisation-campaign',
  'surveillance',
  'online-harassment',
  'hacking',
  'restrictive-legislation-or-deregistration',
  'judicial-harassment',
  'ill-treatment-or-torture',
  'sexual-or-gender-based-violence',
  'enforced-disappearance',
  'killing',
  'other',
] as const;

export const PERPETRATOR_TYPES = ['state', 'non-state', 'unknown'] as const;

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

export const cooperationMechanismSchema = z.enum(COOPERATION_MECHANISMS);
export const cooperationCategorySchema = z.enum(COOPERATION_CATEGORIES);
export const actTypeSchema = z.enum(ACT_TYPES);
export const perpetratorTypeSchema = z.enum(PERPETRATOR_TYPES);
export const victimProfileSchema = z.enum(VICTIM_PROFILES);
export const genderSchema = z.enum(GENDERS);
export const ageGroupSchema = z.enum(AGE_GROUPS);
export const organisationTypeSchema = z.enum(ORGANISATION_TYPES);
