import {
  loadAccessPolicy,
  PERMISSION_EXTENSION,
  PUBLIC_EXTENSION,
  ROLES,
  type Permission,
} from '@reprisals/security';
import { createMatrixFixtures } from './access-matrix.fixtures';
import {
  concretePath,
  expectedAnswer,
  MATRIX_ENTITIES,
  matrixEntity,
  VALID_REQUESTS,
  type Caller,
  type HttpMethod,
  type MatrixFixtures,
  type Standing,
} from './access-matrix.requests';
import { call, tokenFor, useStandaloneSystem } from './system.fixture';

interface DocumentedRoute {
  /** `METHOD /path/{param}`, the key of its valid request in VALID_REQUESTS. */
  key: string;
  method: HttpMethod;
  path: string;
  permission: Permission | undefined;
  /** Answers without a token (@Public()). */
  public: boolean;
}

/** The only routes that answer without a token: a new one is a decision, made here. */
const PUBLIC_ROUTES = ['GET /health', 'GET /verification/policies', 'GET /verification/policies/{version}'];

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const STANDINGS = Object.keys(MATRIX_ENTITIES) as Standing[];
/** Calls in flight at once: enough to overlap the round trips, few enough for two cores. */
const CONCURRENCY = 6;

/**
 * Every route of every service, for every role, from the lead entity, from an entity holding an
 * accepted share and from one without. The routes and their permissions are read from the running
 * system's OpenAPI document, the expectations from the access policy file and the route's reach;
 * each call is a valid request (access-matrix.requests.ts), so a 2xx is expected wherever the
 * policy and need to know allow the call, and nothing here is listed per role.
 */
describe('access matrix: roles x entities x routes', () => {
  const system = useStandaloneSystem('access_matrix');
  const policy = loadAccessPolicy();
  let baseUrl: string;
  let routes: DocumentedRoute[];
  let fixtures: MatrixFixtures;

  beforeAll(async () => {
    baseUrl = system().running.baseUrl;
    const document = (await call(baseUrl, 'GET', '/docs-json')).body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .map(([method, operation]) => ({ method: method.toUpperCase() as HttpMethod, operation }))
        .filter(({ method }) => METHODS.includes(method))
        .map(({ method, operation }) => ({
          key: `${method} ${path}`,
          method,
          path,
          permission: operation[PERMISSION_EXTENSION] as Permission | undefined,
          public: operation[PUBLIC_EXTENSION] === true,
        })),
    );
    fixtures = await createMatrixFixtures(system());
  });

  const protectedRoutes = () => routes.filter((route) => route.permission);

  it('finds every route with a declared permission, except the few public ones', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const undeclared = routes.filter((route) => !route.permission && !route.public);
    expect(undeclared).toEqual([]);
    expect(
      routes
        .filter((route) => route.public)
        .map((route) => route.key)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('has a valid request for every documented route, and none for a route that is gone', () => {
    const missing = protectedRoutes()
      .filter((route) => !VALID_REQUESTS[route.key])
      .map(
        (route) => `no valid request for ${route.key}: add one to VALID_REQUESTS (access-matrix.requests.ts)`,
      );
    const gone = Object.keys(VALID_REQUESTS)
      .filter((key) => !routes.some((route) => route.key === key))
      .map((key) => `a valid request for ${key}, which the OpenAPI document does not have`);
    if (missing.length + gone.length > 0) throw new Error([...missing, ...gone].join('\n'));
  });

  it('answers a valid request with 2xx where the policy and need to know allow it, 403 by role and 404 by entity otherwise', async () => {
    const calls = protectedRoutes().flatMap((route) =>
      ROLES.flatMap((role) =>
        STANDINGS.map((standing): { route: DocumentedRoute; caller: Caller } => ({
          route,
          caller: { role, standing, entity: matrixEntity(role, standing) },
        })),
      ),
    );
    const failures = new Set<string>();
    const answered = { success: 0, 403: 0, 404: 0 };
    const succeeded = new Set<string>();
    await inParallel(calls, CONCURRENCY, async ({ route, caller }) => {
      const factory = VALID_REQUESTS[route.key];
      if (!factory) {
        failures.add(`${route.key}: no valid request (add one to VALID_REQUESTS)`);
        return;
      }
      const who = `${route.key} as ${caller.role}@${caller.entity} (${caller.standing})`;
      const expected = expectedAnswer(policy, route.permission!, factory, caller);
      let status: number;
      let body: unknown;
      try {
        const request = await factory.build(fixtures, caller);
        ({ status, body } = await call(baseUrl, route.method, concretePath(route.key, route.path, request), {
          token: await tokenFor(caller.role, caller.entity, `matrix-${caller.role}`),
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(request.headers === undefined ? {} : { headers: request.headers }),
        }));
      } catch (error) {
        failures.add(`${who}: the valid request could not be made: ${(error as Error).message}`);
        return;
      }
      const success = status >= 200 && status < 300;
      if (expected.outcome === 'success' && success) {
        answered.success += 1;
        succeeded.add(route.key);
      } else if (expected.outcome === 'refused' && status === expected.status) {
        answered[expected.status] += 1;
      } else {
        const wanted = expected.outcome === 'success' ? '2xx' : `${expected.status} (${expected.because})`;
        failures.add(`${who}: expected ${wanted}, got ${status} ${JSON.stringify(body)?.slice(0, 300)}`);
      }
    });
    expect([...failures].sort()).toEqual([]);
    // Every route is called with success by someone, and each kind of refusal is exercised.
    expect(protectedRoutes().filter((route) => !succeeded.has(route.key))).toEqual([]);
    expect(answered.success).toBeGreaterThan(50);
    expect(answered[403]).toBeGreaterThan(100);
    expect(answered[404]).toBeGreaterThan(20);
  });

  it('refuses every protected route without a token', async () => {
    const admitted: string[] = [];
    await inParallel(protectedRoutes(), CONCURRENCY, async (route) => {
      const factory = VALID_REQUESTS[route.key];
      if (!factory) return; // named by the test above
      const role = ROLES.find((candidate) => policy.allows({ roles: [candidate] }, route.permission!))!;
      const request = await factory.build(fixtures, { role, standing: 'lead', entity: MATRIX_ENTITIES.lead });
      const response = await call(baseUrl, route.method, concretePath(route.key, route.path, request), {
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      if (response.status !== 401) admitted.push(`${route.key}: ${response.status}`);
    });
    expect(admitted).toEqual([]);
  });
});

/** Runs `work` over `items`, at most `concurrency` at a time. */
async function inParallel<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
