import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';
import type { Params } from 'nestjs-pino';
import { isHealthCheck } from '../health-check';
import { createLoggerOptions } from './logger-options';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A caller's request id is kept only when it is a UUID: it lands in logs and in the append-only
 * audit trail, so free text (which could be a name) is replaced by an id of our own.
 */
const ACCEPTABLE_REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Options for nestjs-pino's LoggerModule.forRoot: one JSON line per request (not for
 * health checks), with a request id (taken from x-request-id when it is a UUID, echoed
 * back), the trace id, and neither credentials nor bodies.
 */
export function createLoggerModuleOptions(
  serviceName: string,
  options: { destination?: DestinationStream; env?: NodeJS.ProcessEnv } = {},
): Params {
  const pinoHttp = {
    ...createLoggerOptions(serviceName, options.env ?? process.env),
    autoLogging: { ignore: (request: IncomingMessage) => isHealthCheck(request.url) },
    quietReqLogger: true,
    genReqId: requestIdOf,
  };
  return { pinoHttp: options.destination ? [pinoHttp, options.destination] : pinoHttp };
}

function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
