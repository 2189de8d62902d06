export interface TimelineStep {
  eventId: string;
  occurredAt: string;
  causationId: string | null;
}

/**
 * Orders a case's steps: a cause always comes before what it caused (even when the clocks of
 * two hosts disagree), and otherwise steps follow time. Events of one case arrive from several
 * topics, so arrival order proves nothing.
 */
export function orderTimeline<T extends TimelineStep>(steps: readonly T[]): T[] {
  const byId = new Map(steps.map((step) => [step.eventId, step]));
  const placed = new Map<string, { at: string; depth: number }>();
  const placementOf = (step: T, visiting: Set<string> = new Set()): { at: string; depth: number } => {
    const known = placed.get(step.eventId);
    if (known) return known;
    visiting.add(step.eventId);
    const cause = step.causationId ? byId.get(step.causationId) : undefined;
    const parent = cause && !visiting.has(cause.eventId) ? placementOf(cause, visiting) : undefined;
    const placement = parent
      ? { at: parent.at > step.occurredAt ? parent.at : step.occurredAt, depth: parent.depth + 1 }
      : { at: step.occurredAt, depth: 0 };
    placed.set(step.eventId, placement);
    return placement;
  };
  return [...steps].sort((a, b) => {
    const first = placementOf(a);
    const second = placementOf(b);
    return (
      first.at.localeCompare(second.at) ||
      first.depth - second.depth ||
      a.occurredAt.localeCompare(b.occurredAt) ||
      a.eventId.localeCompare(b.eventId)
    );
  });
}
