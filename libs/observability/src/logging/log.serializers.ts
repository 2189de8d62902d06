import type { IncomingHttpHeaders } from 'node:http';

/**
 * What a request, a response and an error look like in logs. Allow-lists, so that
 * bodies, query-string values, client addresses and database parameters never get in.
 */
interface RequestLike {
  id?: unknown;
  method?: string;
  url?: string;
  originalUrl?: string;
  headers?: IncomingHttpHeaders;
  raw?: RequestLike;
}

interface ResponseLike {
  statusCode?: number;
  raw?: ResponseLike;
}

export function serializeRequest(request: RequestLike): Record<string, unknown> {
  const source = request.raw ?? request;
  const url = source.originalUrl ?? source.url ?? request.url ?? '';
  return {
    id: request.id ?? source.id,
    method: source.method ?? request.method,
    path: url.split('?')[0],
    headers: loggedHeaders(source.headers ?? request.headers ?? {}),
  };
}

/**
 * Only headers that describe the exchange: any other one (a client's own header, a raw request
 * id, a cookie) could carry a name or a credential.
 */
const LOGGED_HEADERS = ['content-type', 'content-length', 'accept', 'user-agent', 'if-match'] as const;

function loggedHeaders(headers: IncomingHttpHeaders): Record<string, unknown> {
  return Object.fromEntries(
    LOGGED_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]]),
  );
}

export function serializeResponse(response: ResponseLike): Record<string, unknown> {
  return { statusCode: (response.raw ?? response).statusCode ?? response.statusCode };
}

/** Error class, message, code and stack; never the extra fields drivers attach (parameters, detail...). */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name || error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack,
  };
}
