import type { TimerCancellation, TimerRequest } from './timer.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses a malformed request before it reaches the database. Messages name the field, never its
 * value: subjects and payloads may carry personal data.
 */
export function checkTimerRequest(request: TimerRequest): void {
  checkText('kind', request.kind, 200);
  checkText('subject', request.subject, 500);
  checkCaseId(request.caseId);
  checkDate('dueAt', request.dueAt);
  const payload = request.payload;
  if (payload !== undefined && (payload === null || typeof payload !== 'object' || Array.isArray(payload)))
    throw new TypeError('A timer payload is a JSON object');
}

export function checkCancellation(filter: TimerCancellation, reason: string): void {
  checkCaseId(filter.caseId);
  if (filter.kind !== undefined) checkText('kind', filter.kind, 200);
  if (filter.subject !== undefined) checkText('subject', filter.subject, 500);
  if (typeof reason !== 'string') throw new TypeError('A timer cancellation needs a reason');
}

export function checkCaseId(caseId: string): void {
  if (typeof caseId !== 'string' || !UUID.test(caseId)) throw new TypeError('A timer case id is a UUID');
}

export function checkDate(field: string, value: Date): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new TypeError(`A timer ${field} is a valid Date`);
}

function checkText(field: string, value: string, maxLength: number): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength)
    throw new TypeError(`A timer ${field} is a text of 1 to ${maxLength} characters`);
}
