import type { PROTECTION_RISK_LEVELS, PROTECTION_RISK_REASONS } from '@reprisals/contracts';

export type ProtectionRiskLevel = (typeof PROTECTION_RISK_LEVELS)[number];
export type ProtectionRiskReason = (typeof PROTECTION_RISK_REASONS)[number];

/** One step of a case's protection flag: flagged (or re-levelled) or lifted. Never changed afterwards. */
export interface ProtectionFlagVersion {
  caseId: string;
  version: number;
  kind: 'flagged' | 'lifted';
  level: ProtectionRiskLevel | null;
  reason: ProtectionRiskReason | null;
  at: Date;
}

export class ProtectionRefused extends Error {
  override readonly name = 'ProtectionRefused';
  constructor(
    readonly code: 'not-flagged',
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** Flags the case, or changes the level or reason of a flag in force. */
export function flagProtectionRisk(
  current: ProtectionFlagVersion | undefined,
  flag: { level: ProtectionRiskLevel; reason: ProtectionRiskReason },
  context: { caseId: string; now: Date },
): ProtectionFlagVersion {
  return {
    caseId: context.caseId,
    version: (current?.version ?? 0) + 1,
    kind: 'flagged',
    level: flag.level,
    reason: flag.reason,
    at: context.now,
  };
}

/** Lifts a flag in force. */
export function liftProtectionRisk(
  current: ProtectionFlagVersion | undefined,
  context: { caseId: string; now: Date },
): ProtectionFlagVersion {
  if (!current || current.kind !== 'flagged') {
    throw new ProtectionRefused('not-flagged', '(body)', 'no protection risk flag is in force for this case');
  }
  return {
    caseId: context.caseId,
    version: current.version + 1,
    kind: 'lifted',
    level: null,
    reason: null,
    at: context.now,
  };
}

export function isWithheld(current: ProtectionFlagVersion | undefined): boolean {
  return current?.kind === 'flagged';
}
