import { trace } from '@opentelemetry/api';
import type { IncomingMessage } from 'node:http';
import { REQUEST_ID_HEADER } from '@reprisals/observability';
import type { AuditEntry } from '../entry/audit-entry';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const NO_TRACE = '00000000000000000000000000000000';

/**
 * The request id (the one the request logger gave it, else a well-formed x-request-id header)
 * and the active trace id, for an audit entry about this request.
 */
export function requestAuditContext(request: IncomingMessage): Pick<AuditEntry, 'requestId' | 'traceId'> {
  const logged = (request as IncomingMessage & { id?: unknown }).id;
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = [logged, header].find(
    (candidate): candidate is string => typeof candidate === 'string' && REQUEST_ID.test(candidate),
  );
  const traceId = trace.getActiveSpan()?.spanContext().traceId;
  return {
    ...(requestId ? { requestId } : {}),
    ...(traceId && traceId !== NO_TRACE ? { traceId } : {}),
  };
}
