export interface TimelineStep {
  eventId: string;
  occurredAt: string;
  causationId: string | null;
}

/**
 * Orders a case's steps by time and, where two share a time, puts a cause before what it
 * caused. Events of one case arrive from several topics, so arrival order proves nothing.
 */
export function orderTimeline<T extends TimelineStep>(steps: readonly T[]): T[] {
  const byId = new Map(steps.map((step) => [step.eventId, step]));
  const depth = new Map<string, number>();
  const depthOf = (step: T, seen: Set<string> = new Set()): number => {
    const known = depth.get(step.eventId);
    if (known !== undefined) return known;
    const cause = step.causationId ? byId.get(step.causationId) : undefined;
    const value = cause && !seen.has(cause.eventId) ? depthOf(cause, seen.add(step.eventId)) + 1 : 0;
    depth.set(step.eventId, value);
    return value;
  };
  return [...steps].sort(
    (a, b) =>
      a.occurredAt.localeCompare(b.occurredAt) || depthOf(a) - depthOf(b) || a.eventId.localeCompare(b.eventId),
  );
}
