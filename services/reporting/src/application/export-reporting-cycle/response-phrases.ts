import type { ACT_TYPES, RESPONSE_ACTION_TYPES, STATE_REPLY_TYPES } from '@reprisals/contracts';

/**
 * The English of the annexes' columns and of the charts, one phrase per code of each closed list:
 * a code added to a list fails the typecheck here until it has its phrase, so that the public text
 * never prints a raw code.
 */

/** What the United Nations did, as the column "Action taken by the United Nations" lists it. */
export const RESPONSE_ACTION_PHRASES: Record<(typeof RESPONSE_ACTION_TYPES)[number], string> = {
  monitoring: 'Monitoring of the situation',
  'private-engagement': 'Private engagement with the authorities',
  'urgent-appeal': 'Urgent appeal by special procedure mandate holders',
  'allegation-letter': 'Allegation letter by special procedure mandate holders',
  'senior-engagement': 'Engagement with the authorities at a senior level',
  'hrc-president-good-offices': 'Good offices of the President of the Human Rights Council',
  'public-statement': 'Public statement',
  'protection-referral': 'Referral for protection',
  'annual-report-inclusion': 'Inclusion in the annual report of the Secretary-General',
  'follow-up': 'Follow-up',
};

/** What the State answered, as the column "Response of the State" names it. */
export const STATE_REPLY_PHRASES: Record<(typeof STATE_REPLY_TYPES)[number], string> = {
  acknowledgement: 'Acknowledgement of receipt',
  'substantive-reply': 'Substantive reply',
  'rejection-of-allegation': 'Reply rejecting the allegation',
  'information-on-measures-taken': 'Information on measures taken',
  'request-for-clarification': 'Request for clarification',
};

/** A type of act as a label of the chart "Cases by type of act". */
export const ACT_TYPE_LABELS: Record<(typeof ACT_TYPES)[number], string> = {
  'arbitrary-arrest-or-detention': 'Arbitrary arrest or detention',
  'travel-ban': 'Travel ban',
  threats: 'Threats',
  intimidation: 'Intimidation',
  'smear-or-stigmatisation-campaign': 'Smear or stigmatisation campaign',
  surveillance: 'Surveillance',
  'online-harassment': 'Online harassment',
  hacking: 'Hacking',
  'restrictive-legislation-or-deregistration': 'Restrictive legislation or deregistration',
  'judicial-harassment': 'Judicial harassment',
  'ill-treatment-or-torture': 'Ill-treatment or torture',
  'sexual-or-gender-based-violence': 'Sexual or gender-based violence',
  'enforced-disappearance': 'Enforced disappearance',
  killing: 'Killing',
  other: 'Other acts',
};
