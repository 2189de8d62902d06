import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Actor } from '../actor/actor';
import { ROLES } from '../actor/role';
import {
  AccessPolicyError,
  DEFAULT_ACCESS_POLICY_PATH,
  loadAccessPolicy,
  parseAccessPolicy,
} from './access-policy.loader';
import { renderAccessPolicyTable } from './access-policy.table';
import { PERMISSIONS } from './permission';

const policy = loadAccessPolicy();
const actor = (...roles: Actor['roles']): Actor => ({ sub: 'someone', entity: 'OHCHR', roles });
const policyText = readFileSync(DEFAULT_ACCESS_POLICY_PATH, 'utf8');
/** Markdown tables compared regardless of how a formatter pads their cells. */
const normalizeTable = (markdown: string) => markdown.replace(/ *\| */g, '|').replace(/-{3,}/g, '---');

function policyError(text: string): AccessPolicyError {
  try {
    parseAccessPolicy(text, 'test-policy.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(AccessPolicyError);
    return error as AccessPolicyError;
  }
  throw new Error('the policy was accepted');
}

describe('AccessPolicy (the policy file)', () => {
  it('loads with a version and grants every permission to at least one role', () => {
    expect(policy.version).toBe('7');
    for (const permission of PERMISSIONS) expect(policy.rolesGranting(permission)).not.toHaveLength(0);
  });

  it('never lets a reporting analyst read identities', () => {
    expect(policy.allows(actor('reporting-analyst'), 'case:read-identities')).toBe(false);
    expect([...policy.permissionsOf(actor('reporting-analyst'))].sort()).toEqual([
      'case:read',
      'case:timeline:read',
      'entity:read',
      'report:compile',
      'report:finalise',
      'statistics:read',
    ]);
  });

  it('lets auditors read the audit trail and timelines but not identities', () => {
    expect([...policy.permissionsOf(actor('auditor'))].sort()).toEqual([
      'audit:read',
      'case:timeline:read',
      'entity:read',
    ]);
  });

  it('gives evidence files to the roles that work on a case file, and to no State liaison, analyst, auditor or admin', () => {
    const caseWorkers = ['intake-officer', 'verification-officer', 'supervisor', 'focal-point'];

    expect(policy.rolesGranting('evidence:add')).toEqual(caseWorkers);
    expect(policy.rolesGranting('evidence:read')).toEqual(caseWorkers);
  });

  it('lets the officers who record, verify and supervise cases link possible duplicates, and nobody else', () => {
    expect(policy.rolesGranting('case:link')).toEqual([
      'intake-officer',
      'verification-officer',
      'supervisor',
    ]);
  });

  it('keeps approvals with supervisors and dead letters with admins', () => {
    expect(policy.rolesGranting('response:approve')).toEqual(['supervisor']);
    expect(policy.rolesGranting('communication:approve')).toEqual(['supervisor']);
    expect(policy.rolesGranting('dead-letter:replay')).toEqual(['admin']);
    expect(policy.allows(actor('admin'), 'case:read')).toBe(false);
  });

  it('given several roles, when asked, then grants the union and names the roles that grant', () => {
    const both = actor('auditor', 'state-liaison');

    expect(policy.allows(both, 'communication:send')).toBe(true);
    expect(policy.allows(both, 'audit:read')).toBe(true);
    expect(policy.decide(both, 'case:timeline:read')).toEqual({
      allowed: true,
      permission: 'case:timeline:read',
      grantedBy: ['auditor', 'state-liaison'],
      policyVersion: '7',
    });
    expect(policy.decide(both, 'case:erase')).toMatchObject({ allowed: false, grantedBy: [] });
  });

  it('is documented in the README as the table it renders', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');

    expect(normalizeTable(readme)).toContain(normalizeTable(renderAccessPolicyTable(policy)));
  });
});

describe('parseAccessPolicy (broken policies)', () => {
  it('given a grant of an unknown permission, when parsed, then the error names the field and the name', () => {
    const broken = policyText.replace('      - audit:read\n', '      - audit:raed\n');

    const error = policyError(broken);

    expect(error.message).toContain('test-policy.yaml');
    expect(error.problems).toEqual(['roles.auditor.grants[0]: unknown permission "audit:raed"']);
  });

  it('given no version, when parsed, then the error names the version field', () => {
    const error = policyError(policyText.replace(/^version: .*$/m, ''));

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^version: /);
  });

  it('given a role missing and an unknown role, when parsed, then both are named', () => {
    const broken = policyText.replace('  admin:\n', '  administrator:\n');

    expect(policyError(broken).problems).toEqual([
      'roles.administrator: unknown role "administrator"',
      'roles: missing "admin"',
    ]);
  });

  it('given an undescribed permission, when parsed, then the permissions field names it', () => {
    const broken = policyText.replace(/^ {2}case:erase: .*\n/m, '');

    expect(policyError(broken).problems).toEqual(['permissions: missing "case:erase"']);
  });

  it('given a permission granted twice, when parsed, then the duplicate is named', () => {
    const broken = policyText.replace('      - audit:read\n', '      - audit:read\n      - audit:read\n');

    expect(policyError(broken).problems).toEqual(['roles.auditor.grants[1]: "audit:read" is granted twice']);
  });

  it('given text that is not YAML, when parsed, then it says so', () => {
    expect(policyError('roles: [unclosed').problems[0]).toMatch(/^not valid YAML/);
  });

  it('given a file that does not exist, when loaded, then it fails naming the file', () => {
    expect(() => loadAccessPolicy('/nonexistent/access-policy.yaml')).toThrow(
      'Access policy /nonexistent/access-policy.yaml is not valid: cannot read the file (ENOENT)',
    );
  });

  it('lists every role in the file', () => {
    expect(ROLES.every((role) => policy.describeRole(role).length > 0)).toBe(true);
  });
});
