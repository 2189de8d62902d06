import type { Actor } from '../actor/actor';
import { ROLES, type Role } from '../actor/role';
import type { Permission } from './permission';

/** A validated access policy document: what each permission means and which roles hold it. */
export interface AccessPolicyDefinition {
  version: string;
  permissions: Readonly<Record<Permission, string>>;
  roles: Readonly<Record<Role, { description: string; grants: readonly Permission[] }>>;
}

/** The outcome of asking the policy whether an actor may take an action. */
export interface AccessDecision {
  allowed: boolean;
  permission: Permission;
  /** The roles of the actor that grant the permission; empty when denied. */
  grantedBy: Role[];
  policyVersion: string;
}

/**
 * Role-based part of access control: which named actions each role may take.
 * Whether an actor may touch a given case (lead entity, shares) is decided on top of it.
 */
export class AccessPolicy {
  readonly version: string;
  private readonly grants: ReadonlyMap<Role, ReadonlySet<Permission>>;
  private readonly descriptions: Readonly<Record<Permission, string>>;
  private readonly roleDescriptions: ReadonlyMap<Role, string>;

  constructor(definition: AccessPolicyDefinition) {
    this.version = definition.version;
    this.descriptions = { ...definition.permissions };
    this.grants = new Map(ROLES.map((role) => [role, new Set(definition.roles[role].grants)]));
    this.roleDescriptions = new Map(ROLES.map((role) => [role, definition.roles[role].description]));
  }

  /** Every permission granted by at least one of the actor's roles. */
  permissionsOf(actor: Pick<Actor, 'roles'>): ReadonlySet<Permission> {
    const permissions = new Set<Permission>();
    for (const role of actor.roles) {
      for (const permission of this.grantsOf(role)) permissions.add(permission);
    }
    return permissions;
  }

  allows(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
    return actor.roles.some((role) => this.grantsOf(role).has(permission));
  }

  decide(actor: Pick<Actor, 'roles'>, permission: Permission): AccessDecision {
    const grantedBy = actor.roles.filter((role) => this.grantsOf(role).has(permission));
    return { allowed: grantedBy.length > 0, permission, grantedBy, policyVersion: this.version };
  }

  grantsOf(role: Role): ReadonlySet<Permission> {
    return this.grants.get(role) ?? new Set();
  }

  /** The roles that hold a permission, in the order roles are declared. */
  rolesGranting(permission: Permission): Role[] {
    return ROLES.filter((role) => this.grantsOf(role).has(permission));
  }

  describePermission(permission: Permission): string {
    return this.descriptions[permission];
  }

  describeRole(role: Role): string {
    return this.roleDescriptions.get(role) ?? '';
  }
}
