import type { ResponseProtocolPolicy } from '../../domain/protocol-policy/response-protocol-policy';

/** Every published version of the protocol, and the one in force on a given day. */
export class ProtocolPolicies {
  private readonly byVersion: Map<string, ResponseProtocolPolicy>;

  constructor(policies: readonly ResponseProtocolPolicy[]) {
    this.byVersion = new Map(policies.map((policy) => [policy.version, policy]));
    if (this.byVersion.size !== policies.length)
      throw new Error('Two response protocol files share a version');
  }

  all(): ResponseProtocolPolicy[] {
    return [...this.byVersion.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  get(version: string): ResponseProtocolPolicy | undefined {
    return this.byVersion.get(version);
  }

  /** The latest version whose effectiveFrom is on or before `now`. */
  inForce(now: Date): ResponseProtocolPolicy {
    const today = now.toISOString().slice(0, 10);
    const effective = this.all().filter((policy) => policy.effectiveFrom <= today);
    const policy = effective.at(-1) ?? this.all()[0];
    if (!policy) throw new Error('No response protocol is published');
    return policy;
  }
}
