import { z } from 'zod';
import { ROLES, isRole } from '../actor/role';
import { PERMISSIONS, isPermission } from './permission';
import type { AccessPolicyDefinition } from './access-policy';

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ');

const VersionSchema = z
  .union([z.string().trim().min(1), z.number().int().nonnegative()], {
    error: 'must be a non-empty string or a whole number',
  })
  .transform(String);

const RoleEntrySchema = z.strictObject({
  description: z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' }),
  grants: z.array(z.string({ error: 'must be a permission name' }), {
    error: 'must be a list of permissions',
  }),
});

/**
 * The shape of libs/security/policy/access-policy.yaml. Besides the shape it checks
 * that the file and the code agree: every permission the code knows is described,
 * every role is listed, and grants name only known permissions, once.
 */
export const AccessPolicyDocumentSchema = z
  .strictObject(
    {
      version: VersionSchema,
      permissions: z.record(
        z.string(),
        z.string({ error: 'must be a description' }).trim().min(1, { error: 'must not be empty' }),
        { error: 'must map each permission to its description' },
      ),
      roles: z.record(z.string(), RoleEntrySchema, {
        error: 'must map each role to its description and grants',
      }),
    },
    { error: 'must be a mapping with version, permissions and roles' },
  )
  .superRefine((document, context) => {
    for (const name of Object.keys(document.permissions)) {
      if (!isPermission(name)) {
        context.addIssue({
          code: 'custom',
          path: ['permissions', name],
          message: `unknown permission "${name}"`,
        });
      }
    }
    const undescribed = PERMISSIONS.filter((permission) => !(permission in document.permissions));
    if (undescribed.length > 0) {
      context.addIssue({ code: 'custom', path: ['permissions'], message: `missing ${quoted(undescribed)}` });
    }
    for (const [role, entry] of Object.entries(document.roles)) {
      if (!isRole(role)) {
        context.addIssue({ code: 'custom', path: ['roles', role], message: `unknown role "${role}"` });
      }
      const seen = new Set<string>();
      entry.grants.forEach((grant, index) => {
        if (!isPermission(grant)) {
          context.addIssue({
            code: 'custom',
            path: ['roles', role, 'grants', index],
            message: `unknown permission "${grant}"`,
          });
        } else if (seen.has(grant)) {
          context.addIssue({
            code: 'custom',
            path: ['roles', role, 'grants', index],
            message: `"${grant}" is granted twice`,
          });
        }
        seen.add(grant);
      });
    }
    const unlisted = ROLES.filter((role) => !(role in document.roles));
    if (unlisted.length > 0) {
      context.addIssue({ code: 'custom', path: ['roles'], message: `missing ${quoted(unlisted)}` });
    }
  })
  .transform((document): AccessPolicyDefinition => document as unknown as AccessPolicyDefinition);
