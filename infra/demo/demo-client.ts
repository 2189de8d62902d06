import { issueDevelopmentToken, type Role } from '@reprisals/security';
import { eventually } from '@reprisals/testing';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/**
 * A call of the public API that did not answer as expected. The message names the method, the
 * route (ids replaced by `:id`) and the status, never the body: it may hold what a person wrote.
 */
export class DemoCallFailed extends Error {
  override readonly name = 'DemoCallFailed';

  constructor(
    readonly method: HttpMethod,
    readonly route: string,
    readonly status: number | 'unreachable',
    readonly reason?: string,
  ) {
    super(
      `${method} ${route} answered ${status}${reason ? ` (${reason})` : ''}, when the demonstration expected success`,
    );
  }
}

/**
 * A step of the demonstration that did not happen as it expected. The message names the step (a
 * case by its number, what it waited for), never what the system answered.
 */
export class DemoStepFailed extends Error {
  override readonly name = 'DemoStepFailed';
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The route of a path, without its ids nor its query: what an error message may show. */
export const routeOf = (path: string): string => path.split('?')[0]!.replace(UUID, ':id');

/** Who the demonstration acts as: a role of a UN entity (or a State's Mission), under a subject. */
export interface DemoActor {
  role: Role;
  entity: string;
  sub: string;
}

export interface DemoAnswer {
  status: number;
  body: unknown;
}

/**
 * The demonstration's only way into the system: its public HTTP API, with development tokens
 * signed as `npm run token` signs them (JWT_SECRET or the development default).
 */
export class DemoClient {
  private readonly tokens = new Map<string, Promise<string>>();
  /** Calls made, for the summary. */
  calls = 0;

  constructor(readonly baseUrl: string) {}

  private token(actor: DemoActor): Promise<string> {
    const key = `${actor.role}|${actor.entity}|${actor.sub}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = issueDevelopmentToken({
        sub: actor.sub,
        entity: actor.entity,
        roles: [actor.role],
        ttl: '12h',
      });
      this.tokens.set(key, token);
    }
    return token;
  }

  /** Any answer, as it comes: for the probes that read a status. */
  async send(
    actor: DemoActor | undefined,
    method: HttpMethod,
    path: string,
    body?: unknown,
  ): Promise<DemoAnswer> {
    const headers: Record<string, string> = {};
    if (actor) headers['authorization'] = `Bearer ${await this.token(actor)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    this.calls += 1;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new DemoCallFailed(method, routeOf(path), 'unreachable');
    }
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json');
    if (!text || !json) return { status: response.status, body: text };
    try {
      return { status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      // The parser's message quotes the body, which may hold what a person wrote: never shown.
      throw new DemoCallFailed(method, routeOf(path), response.status, 'a body labelled JSON is not JSON');
    }
  }

  /** A call that must succeed with `expected` (any 2xx when not given), or DemoCallFailed. */
  async call<T = unknown>(
    actor: DemoActor | undefined,
    method: HttpMethod,
    path: string,
    body?: unknown,
    expected?: number,
  ): Promise<T> {
    const answer = await this.send(actor, method, path, body);
    const ok =
      expected === undefined ? answer.status >= 200 && answer.status < 300 : answer.status === expected;
    if (!ok) throw new DemoCallFailed(method, routeOf(path), answer.status, reasonOf(answer.body));
    return answer.body as T;
  }

  /** Waits, by polling the API, until `probe` gives a value; DemoCallFailed-like error naming `what` otherwise. */
  async until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
    try {
      return await eventually(probe, { timeoutMs, intervalMs: 100, description: what });
    } catch (error) {
      if (error instanceof Error && error.cause instanceof DemoCallFailed) throw error.cause;
      throw new DemoStepFailed(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
  }
}

/** The machine-readable reason of a refusal (`reason`, `gate`, the fields of a 400), never its free text. */
function reasonOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { reason, gate, issues } = body as { reason?: unknown; gate?: unknown; issues?: unknown };
  if (Array.isArray(issues))
    return `fields ${issues.map((issue: { field?: unknown }) => String(issue.field)).join(', ')}`;
  const code = typeof reason === 'string' ? reason : typeof gate === 'string' ? `gate ${gate}` : undefined;
  return code && /^[a-z0-9-]+$/i.test(code.replace(/^gate /, '')) ? code : undefined;
}
