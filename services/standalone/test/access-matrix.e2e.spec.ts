import { randomUUID } from 'node:crypto';
import { InProcessTransport } from '@reprisals/messaging';
import {
  loadAccessPolicy,
  PERMISSION_EXTENSION,
  ROLES,
  type Permission,
  type Role,
} from '@reprisals/security';
import { createTestDatabase, eventually, type TestDatabase } from '@reprisals/testing';
import { ALL_SERVICES } from '../src/all-services';
import { call, startProcess, tokenFor, validAllegation, type RunningProcess } from './system.fixture';

interface Route {
  method: 'GET' | 'POST';
  path: string;
  permission: Permission | undefined;
}

const LEAD = 'OHCHR';
const OTHER = 'TREATY-BODIES';
const CASE_SCOPED = /\/(allegations|cases)\/\{id\}/;

/** A valid body for the routes that take one, so that the answer is about access, not the body. */
const SAMPLE_BODIES: Record<string, unknown> = {
  '/intake/allegations': validAllegation,
  '/intake/allegations/{id}/shares': {
    entity: 'UNDP',
    purpose: 'coordination of protection',
    scope: 'summary',
  },
  '/intake/allegations/{id}/lead-transfers': { toEntity: 'OHCHR-COL' },
};

/**
 * Every route of every service, for every role, from the lead entity and from another one.
 * The routes and their permissions are read from the running system's OpenAPI document and
 * the expectations from the access policy file: nothing here is listed by hand.
 */
describe('access matrix: roles x entities x routes', () => {
  let database: TestDatabase;
  let running: RunningProcess;
  let routes: Route[];
  let caseId: string;
  const policy = loadAccessPolicy();

  beforeAll(async () => {
    database = await createTestDatabase('access_matrix');
    running = await startProcess({
      processName: 'standalone',
      services: ALL_SERVICES,
      databaseUrl: database.url,
      transport: new InProcessTransport(),
    });
    const document = (await call(running.baseUrl, 'GET', '/docs-json')).body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => method === 'get' || method === 'post')
        .map(([method, operation]) => ({
          method: method.toUpperCase() as Route['method'],
          path,
          permission: operation[PERMISSION_EXTENSION] as Permission | undefined,
        })),
    );
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      token: await tokenFor('intake-officer', LEAD),
      body: validAllegation,
    });
    caseId = created.body.id;
    await eventually(
      async () =>
        (
          await call(running.baseUrl, 'GET', `/reporting/cases/${caseId}/timeline`, {
            token: await tokenFor('reporting-analyst', LEAD),
          })
        ).body?.entries?.length === 2,
      { description: 'the case in every service' },
    );
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
  });

  const concrete = (route: Route): string =>
    route.path
      .replace('{stateCode}', validAllegation.stateConcerned)
      .replace('{shareId}', randomUUID())
      .replace('{transferId}', randomUUID())
      .replace('{id}', CASE_SCOPED.test(route.path) ? caseId : randomUUID());

  it('finds every route with a declared permission, except health', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const undeclared = routes.filter((route) => !route.permission && route.path !== '/health');
    expect(undeclared).toEqual([]);
  });

  it('answers each role by the policy and each entity by need to know', async () => {
    const outcomes: string[] = [];
    const seen = { granted: 0, refused: 0, hidden: 0 };
    for (const route of routes.filter((candidate) => candidate.permission)) {
      for (const role of ROLES as readonly Role[]) {
        for (const entity of [LEAD, OTHER]) {
          const allowed = policy.allows({ roles: [role] }, route.permission!);
          const response = await call(running.baseUrl, route.method, concrete(route), {
            token: await tokenFor(role, entity, `matrix-${role}`),
            ...(route.method === 'POST' ? { body: SAMPLE_BODIES[route.path] ?? {} } : {}),
          });
          const expected = !allowed
            ? [403]
            : entity === OTHER && CASE_SCOPED.test(route.path)
              ? [404]
              : undefined;
          if (!allowed) seen.refused += 1;
          else if (expected) seen.hidden += 1;
          else seen.granted += 1;
          const ok = expected
            ? expected.includes(response.status)
            : ![401, 403, 500].includes(response.status);
          if (!ok) outcomes.push(`${route.method} ${route.path} as ${role}@${entity}: ${response.status}`);
        }
      }
    }
    expect(outcomes).toEqual([]);
    expect(seen.granted).toBeGreaterThan(10);
    expect(seen.refused).toBeGreaterThan(10);
    expect(seen.hidden).toBeGreaterThan(3);
  });

  it('refuses every protected route without a token', async () => {
    for (const route of routes.filter((candidate) => candidate.permission)) {
      const response = await call(running.baseUrl, route.method, concrete(route));
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });
});
