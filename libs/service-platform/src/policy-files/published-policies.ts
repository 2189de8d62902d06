/** A version of a published policy: what every decision under it records. */
export interface PolicyVersion {
  readonly version: string;
  /** The first day (YYYY-MM-DD) the version is in force. */
  readonly effectiveFrom: string;
}

/** Every published version of a policy, and the one in force on a given day. */
export class PublishedPolicies<TPolicy extends PolicyVersion> {
  private readonly byVersion: Map<string, TPolicy>;

  constructor(policies: readonly TPolicy[]) {
    this.byVersion = new Map(policies.map((policy) => [policy.version, policy]));
    if (this.byVersion.size !== policies.length) throw new Error('Two policy files share a version');
    if (policies.length === 0) throw new Error('No version of the policy is published');
  }

  /** Every version, oldest first. */
  all(): TPolicy[] {
    return [...this.byVersion.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  get(version: string): TPolicy | undefined {
    return this.byVersion.get(version);
  }

  /** The latest version whose effectiveFrom is on or before `now` (the oldest, before any is). */
  inForce(now: Date): TPolicy {
    const today = now.toISOString().slice(0, 10);
    const all = this.all();
    return all.filter((policy) => policy.effectiveFrom <= today).at(-1) ?? all[0]!;
  }
}
