import { z } from 'zod';

/** The roles a person can hold in the system. A token carries one or more of them. */
export const ROLES = [
  'intake-officer',
  'verification-officer',
  'supervisor',
  'state-liaison',
  'reporting-analyst',
  'focal-point',
  'auditor',
  'admin',
  'state-mission',
] as const;

export type Role = (typeof ROLES)[number];

export const RoleSchema = z.enum(ROLES);

export function isRole(value: unknown): value is Role {
  return RoleSchema.safeParse(value).success;
}
