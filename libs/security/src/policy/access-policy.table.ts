import { ROLES } from '../actor/role';
import type { AccessPolicy } from './access-policy';

/** The policy as a markdown table (role -> permissions), as documented in the README. */
export function renderAccessPolicyTable(policy: AccessPolicy): string {
  const rows = ROLES.map((role) => {
    const permissions = [...policy.grantsOf(role)].map((permission) => `\`${permission}\``).join(', ');
    return `| ${role} | ${policy.describeRole(role)} | ${permissions || '(none)'} |`;
  });
  return [`| role | does | permissions (policy version ${policy.version}) |`, '|---|---|---|', ...rows].join(
    '\n',
  );
}
