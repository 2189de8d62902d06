import type {
  ActionReach,
  EscalationTrigger,
  ProtectionRisk,
  ProtocolTrack,
  ResponseActionType,
  Urgency,
} from '@reprisals/contracts';
import type { ProtocolStage } from '../verification-case';
import type {
  ProtocolGateRule,
  ProtocolStepRule,
  ResponseProtocolDocument,
} from './response-protocol-policy.schema';
import type { ProtocolStep } from './protocol-steps';

/** The risk a case not yet assessed is timed by. */
const UNASSESSED_RISK: ProtectionRisk = 'medium';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** One published version of the response protocol, read by the engine. */
export class ResponseProtocolPolicy {
  constructor(readonly document: ResponseProtocolDocument) {}

  get version(): string {
    return this.document.version;
  }

  get effectiveFrom(): string {
    return this.document.effectiveFrom;
  }

  /** The rule of a step, or undefined when this version does not allow it. */
  step(step: ProtocolStep): ProtocolStepRule | undefined {
    return this.document.steps[step];
  }

  /** Where the step leads: its single target, or the one for this outcome. */
  target(rule: ProtocolStepRule, outcome?: string): ProtocolStage | undefined {
    if (typeof rule.to === 'string') return rule.to;
    return outcome ? rule.to?.[outcome] : undefined;
  }

  /** The gates of a step that apply to an action of this reach (every gate when no reach is given). */
  gatesFor(rule: ProtocolStepRule, reach?: ActionReach): ProtocolGateRule[] {
    return rule.gates.filter(
      (gate) => !gate.reaches || (reach !== undefined && gate.reaches.includes(reach)),
    );
  }

  reachOf(type: ResponseActionType): ActionReach | undefined {
    return this.document.toolkit[type]?.reach;
  }

  ladderLevelOf(type: ResponseActionType): number | null {
    return this.document.toolkit[type]?.ladderLevel ?? null;
  }

  /** The first tool of the ladder above this level, or null at the top. */
  nextOnLadder(level: number | null): ResponseActionType | null {
    const above = this.document.ladder.order.filter((type) => (this.ladderLevelOf(type) ?? 0) > (level ?? 0));
    return above[0] ?? null;
  }

  escalatesOn(trigger: EscalationTrigger): boolean {
    return this.document.ladder.escalateWhen.includes(trigger);
  }

  trackFor(risk: ProtectionRisk, urgency: Urgency): ProtocolTrack {
    const { when } = this.document.urgentTrack;
    return when.risk.includes(risk) || when.urgency.includes(urgency) ? 'urgent' : 'standard';
  }

  get urgentActions(): readonly ResponseActionType[] {
    return this.document.urgentTrack.actions;
  }

  urgentResponseDue(from: Date): Date {
    return new Date(from.getTime() + this.document.urgentTrack.withinHours * HOUR_MS);
  }

  reviewDue(from: Date, risk: ProtectionRisk | null): Date {
    return new Date(
      from.getTime() + this.document.timers.reviewIntervalDays[risk ?? UNASSESSED_RISK] * DAY_MS,
    );
  }

  replyDue(from: Date, risk: ProtectionRisk | null): Date {
    return new Date(from.getTime() + this.document.timers.replyWaitDays[risk ?? UNASSESSED_RISK] * DAY_MS);
  }

  approvalDue(from: Date, risk: ProtectionRisk | null): Date {
    return new Date(
      from.getTime() + this.document.timers.approvalMaxWaitHours[risk ?? UNASSESSED_RISK] * HOUR_MS,
    );
  }

  /**
   * The reporting cycle whose period holds `day` (e.g. "2025-2026" for 1 May 2025 to 30 April
   * 2026 when periods start on 1 May), and the cut-off of that cycle.
   */
  reportingCycleOf(day: Date): { cycle: string; cutOff: Date } {
    const [month, date] = this.document.reporting.periodStarts.split('-').map(Number) as [number, number];
    const year = day.getUTCFullYear();
    const startThisYear = Date.UTC(year, month - 1, date);
    const startYear = day.getTime() >= startThisYear ? year : year - 1;
    const nextStart = Date.UTC(startYear + 1, month - 1, date);
    // The last instant of the period's last day, plus the days the report waits for conclusions.
    const cutOff = new Date(nextStart + this.document.reporting.cutOffDaysAfterPeriodEnd * DAY_MS - 1);
    return { cycle: `${startYear}-${startYear + 1}`, cutOff };
  }
}
