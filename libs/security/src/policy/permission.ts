import { z } from 'zod';

/**
 * Every action a route can require. The access policy file describes each one and
 * grants them to roles; a route names the one it needs with @RequirePermission.
 */
export const PERMISSIONS = [
  'allegation:create',
  'allegation:read',
  'case:read',
  'case:read-identities',
  'case:timeline:read',
  'case:share',
  'share:respond',
  'case:erase',
  'case:link',
  'evidence:add',
  'evidence:read',
  'consent:record',
  'consent:override',
  'protection:flag',
  'protection:lift',
  'verification:screen',
  'verification:conclude',
  'response:decide',
  'response:approve',
  'communication:draft',
  'communication:approve',
  'communication:send',
  'communication:record-reply',
  'communication:read-reply-documents',
  'communication:call-for-input',
  'mission-directory:read',
  'mission-directory:manage',
  'mission:read-communications',
  'mission:reply',
  'report:compile',
  'report:finalise',
  'statistics:read',
  'audit:read',
  'dead-letter:read',
  'dead-letter:replay',
  'entity:read',
  'entity:manage',
  'demo:clock',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PermissionSchema = z.enum(PERMISSIONS);

export function isPermission(value: unknown): value is Permission {
  return PermissionSchema.safeParse(value).success;
}
