import { eventually, undescribedProperties, type DescribedSchema } from '@reprisals/testing';
import { call, countRows, tokenFor, validAllegation } from './system.fixture';

/** A State no other test of the contract records a case for. */
const OTHER_STATE = 'NIC';

export interface SkeletonSystem {
  /** Base URL serving the given service's routes. */
  urlOf(service: 'intake' | 'verification' | 'state-communication' | 'reporting'): string;
  databaseUrl: string;
  deliveryTimeoutMs: number;
}

/**
 * One allegation walks through the four services. The same expectations hold in
 * standalone mode (one process, in-process delivery) and distributed mode (Kafka).
 */
export function describeWalkingSkeleton(mode: string, system: () => SkeletonSystem): void {
  describe(`walking skeleton (${mode})`, () => {
    it('given an intake officer, when an allegation is recorded, then its timeline shows intake and verification in order', async () => {
      const { urlOf, deliveryTimeoutMs } = system();
      const officer = await tokenFor('intake-officer', 'OHCHR', 'officer-17');
      const created = await call(urlOf('intake'), 'POST', '/intake/allegations', {
        token: officer,
        body: validAllegation,
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        reference: expect.stringMatching(/^REP-\d{4}-\d{6}$/),
      });

      const analyst = await tokenFor('reporting-analyst', 'OHCHR');
      const timeline = await eventually(
        async () => {
          const response = await call(
            urlOf('reporting'),
            'GET',
            `/reporting/cases/${created.body.id}/timeline`,
            { token: analyst },
          );
          return response.status === 200 && response.body.entries.length === 2 && response.body;
        },
        { timeoutMs: deliveryTimeoutMs, description: 'the timeline to hold both steps' },
      );
      expect(timeline.reference).toBe(created.body.reference);
      expect(timeline.entries).toEqual([
        expect.objectContaining({
          type: 'AllegationReceived',
          service: 'intake',
          actor: { kind: 'user', sub: 'officer-17', role: 'intake-officer', entity: 'OHCHR' },
          entity: 'OHCHR',
        }),
        expect.objectContaining({
          type: 'VerificationCaseOpened',
          service: 'verification',
          actor: expect.objectContaining({ kind: 'system', entity: 'OHCHR' }),
          policyVersion: 'response-protocol/v1',
        }),
      ]);
      expect(Date.parse(timeline.entries[0].occurredAt)).toBeLessThanOrEqual(
        Date.parse(timeline.entries[1].occurredAt),
      );

      const verification = await call(
        urlOf('verification'),
        'GET',
        `/verification/cases/${created.body.id}`,
        {
          token: await tokenFor('verification-officer'),
        },
      );
      expect(verification.body).toMatchObject({
        stage: 'registered',
        protocolVersion: 'response-protocol/v1',
      });

      const liaison = await tokenFor('state-liaison');
      const stateFile = await eventually(
        async () => {
          const response = await call(
            urlOf('state-communication'),
            'GET',
            `/state-communication/states/${validAllegation.stateConcerned}/cases`,
            { token: liaison },
          );
          return response.body?.cases?.find((entry: { caseId: string }) => entry.caseId === created.body.id);
        },
        { timeoutMs: deliveryTimeoutMs, description: 'the State file of the case' },
      );
      expect(stateFile).toMatchObject({ reference: created.body.reference, communicationsSent: 0 });

      const listed = await call(
        urlOf('reporting'),
        'GET',
        `/reporting/cases?state=${validAllegation.stateConcerned}&stage=registered`,
        { token: analyst },
      );
      expect(listed.body.cases.map((entry: { caseId: string }) => entry.caseId)).toContain(created.body.id);
      const byStatus = async (status: string) =>
        (
          await call(
            urlOf('reporting'),
            'GET',
            `/reporting/cases?state=${validAllegation.stateConcerned}&status=${status}`,
            { token: analyst },
          )
        ).body.cases.map((entry: { caseId: string }) => entry.caseId);
      expect(await byStatus('open')).toContain(created.body.id);
      expect(await byStatus('closed')).not.toContain(created.body.id);
    });

    it('given another entity, when it asks any service for the case, then the case does not exist for it', async () => {
      const { urlOf, deliveryTimeoutMs } = system();
      const created = await call(urlOf('intake'), 'POST', '/intake/allegations', {
        token: await tokenFor('intake-officer', 'OHCHR'),
        body: { ...validAllegation, stateConcerned: OTHER_STATE },
      });
      const analyst = await tokenFor('reporting-analyst', 'OHCHR');
      await eventually(
        async () =>
          (
            await call(urlOf('reporting'), 'GET', `/reporting/cases/${created.body.id}/timeline`, {
              token: analyst,
            })
          ).body?.entries?.length === 2,
        { timeoutMs: deliveryTimeoutMs, description: 'the case to reach reporting' },
      );
      const outsider = await call(urlOf('intake'), 'GET', `/intake/allegations/${created.body.id}`, {
        token: await tokenFor('intake-officer', 'TREATY-BODIES'),
      });
      expect(outsider.status).toBe(404);
      const elsewhere = {
        verification: await call(urlOf('verification'), 'GET', `/verification/cases/${created.body.id}`, {
          token: await tokenFor('verification-officer', 'TREATY-BODIES'),
        }),
        timeline: await call(urlOf('reporting'), 'GET', `/reporting/cases/${created.body.id}/timeline`, {
          token: await tokenFor('reporting-analyst', 'TREATY-BODIES'),
        }),
        dashboard: await call(urlOf('reporting'), 'GET', `/reporting/cases?state=${OTHER_STATE}`, {
          token: await tokenFor('reporting-analyst', 'TREATY-BODIES'),
        }),
        stateFile: await call(
          urlOf('state-communication'),
          'GET',
          `/state-communication/states/${OTHER_STATE}/cases`,
          { token: await tokenFor('state-liaison', 'TREATY-BODIES') },
        ),
      };
      expect(elsewhere.verification.status).toBe(404);
      expect(elsewhere.timeline.status).toBe(404);
      expect(elsewhere.dashboard.body.cases).toEqual([]);
      expect(elsewhere.stateFile.body.cases).toEqual([]);
      const lead = await call(urlOf('intake'), 'GET', `/intake/allegations/${created.body.id}`, {
        token: await tokenFor('intake-officer', 'OHCHR'),
      });
      expect(lead).toMatchObject({
        status: 200,
        body: { reference: created.body.reference, leadEntity: 'OHCHR' },
      });
    });

    it('given an Observer State, when posted, then the allegation is recorded', async () => {
      const { urlOf } = system();
      const response = await call(urlOf('intake'), 'POST', '/intake/allegations', {
        token: await tokenFor('intake-officer'),
        body: { ...validAllegation, stateConcerned: 'PSE' },
      });
      expect(response.status).toBe(201);
    });

    describe('refused requests write nothing', () => {
      const writes = async (databaseUrl: string) => ({
        allegations: await countRows(databaseUrl, 'intake.allegation'),
        outbox: await countRows(databaseUrl, 'intake.outbox_message'),
      });

      it('given a body with missing, malformed and unknown fields, when posted, then 400 names every one', async () => {
        const { urlOf, databaseUrl } = system();
        const before = await writes(databaseUrl);
        const response = await call(urlOf('intake'), 'POST', '/intake/allegations', {
          token: await tokenFor('intake-officer'),
          body: {
            receivedVia: 'carrier-pigeon',
            receivedOn: '2026-05-02',
            summary: 'short',
            victimName: 'x',
          },
        });
        expect(response.status).toBe(400);
        expect(response.body.issues.map((issue: { field: string }) => issue.field).sort()).toEqual([
          'acts',
          'cooperation',
          'receivedVia',
          'stateConcerned',
          'summary',
          'victimName',
          'victims',
        ]);
        expect(JSON.stringify(response.body)).not.toContain('carrier-pigeon');
        expect(await writes(databaseUrl)).toEqual(before);
      });

      it('given a reception date in the future, when posted, then 400 names it and nothing is written', async () => {
        const { urlOf, databaseUrl } = system();
        const before = await writes(databaseUrl);
        const response = await call(urlOf('intake'), 'POST', '/intake/allegations', {
          token: await tokenFor('intake-officer'),
          body: { ...validAllegation, receivedOn: '2999-01-01' },
        });
        expect(response.status).toBe(400);
        expect(response.body.issues).toEqual([
          { field: 'receivedOn', message: 'cannot be later than today' },
        ]);
        expect(await writes(databaseUrl)).toEqual(before);
      });

      it('given malformed JSON, when posted, then 400 and nothing is written', async () => {
        const { urlOf, databaseUrl } = system();
        const before = await writes(databaseUrl);
        const response = await call(urlOf('intake'), 'POST', '/intake/allegations', {
          token: await tokenFor('intake-officer'),
          rawBody: '{"stateConcerned": "Maria Secretname',
        });
        expect(response.status).toBe(400);
        expect(response.body.issues).toEqual([{ field: '(body)', message: 'is not valid JSON' }]);
        expect(JSON.stringify(response.body)).not.toContain('Secretname');
        expect(await writes(databaseUrl)).toEqual(before);
      });

      it.each(['TWN', 'XKX', 'ABC'])(
        'given %s, which is no UN Member or Observer State, when posted, then 400 names stateConcerned and nothing is written',
        async (code) => {
          const { urlOf, databaseUrl } = system();
          const before = await writes(databaseUrl);
          const response = await call(urlOf('intake'), 'POST', '/intake/allegations', {
            token: await tokenFor('intake-officer'),
            body: { ...validAllegation, stateConcerned: code },
          });
          expect(response.status).toBe(400);
          expect(response.body.issues).toEqual([
            { field: 'stateConcerned', message: 'is not a UN Member or Observer State (ISO 3166-1 alpha-3)' },
          ]);
          expect(await writes(databaseUrl)).toEqual(before);
        },
      );

      it('given no token or a forged one, when posted, then 401 and nothing is written', async () => {
        const { urlOf, databaseUrl } = system();
        const before = await writes(databaseUrl);
        const anonymous = await call(urlOf('intake'), 'POST', '/intake/allegations', {
          body: validAllegation,
        });
        expect(anonymous.status).toBe(401);
        const forged = await call(urlOf('intake'), 'POST', '/intake/allegations', {
          token: `${(await tokenFor('intake-officer')).slice(0, -4)}AAAA`,
          body: validAllegation,
        });
        expect(forged.status).toBe(401);
        expect(await writes(databaseUrl)).toEqual(before);
      });

      it('given an id that is not a UUID, when read, then 400 names the parameter', async () => {
        const { urlOf } = system();
        const response = await call(urlOf('intake'), 'GET', '/intake/allegations/not-a-uuid', {
          token: await tokenFor('intake-officer'),
        });
        expect(response.status).toBe(400);
        expect(response.body.issues.map((issue: { field: string }) => issue.field)).toEqual(['id']);
      });

      it('given a role without the permission, when posted, then 403 and nothing is written', async () => {
        const { urlOf, databaseUrl } = system();
        const before = await writes(databaseUrl);
        const response = await call(urlOf('intake'), 'POST', '/intake/allegations', {
          token: await tokenFor('reporting-analyst'),
          body: validAllegation,
        });
        expect(response.status).toBe(403);
        expect(await writes(databaseUrl)).toEqual(before);
      });
    });

    describe('the States an allegation can concern', () => {
      it('given a language, when listed, then the 195 UN Member and Observer States are named and ordered in it', async () => {
        const { urlOf } = system();
        const token = await tokenFor('focal-point', 'TREATY-BODIES');
        const french = await call(urlOf('intake'), 'GET', '/intake/states?language=fr', { token });
        expect(french.status).toBe(200);
        expect(french.body.language).toBe('fr');
        expect(french.body.states).toHaveLength(195);
        expect(french.body.states).toContainEqual({
          code: 'DEU',
          alpha2: 'DE',
          status: 'member',
          name: 'Allemagne',
        });
        expect(french.body.states).toContainEqual({
          code: 'VAT',
          alpha2: 'VA',
          status: 'observer',
          name: expect.stringMatching(/^Saint-Siège/),
        });
        const names: string[] = french.body.states.map((state: { name: string }) => state.name);
        expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
        expect(names.indexOf('Allemagne')).toBeLessThan(names.indexOf('Égypte'));
        expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Espagne'));
        const codes = french.body.states.map((state: { code: string }) => state.code);
        expect(codes).not.toContain('TWN');

        const english = await call(urlOf('intake'), 'GET', '/intake/states', { token });
        expect(english.body.language).toBe('en');
        expect(english.body.states).toContainEqual({
          code: 'TUR',
          alpha2: 'TR',
          status: 'member',
          name: 'Türkiye',
        });
        const chinese = await call(urlOf('intake'), 'GET', '/intake/states?language=zh', { token });
        expect(chinese.body.states).toContainEqual(expect.objectContaining({ code: 'FRA', name: '法国' }));
      });

      it('documents the route, its language parameter and its permission', async () => {
        const { urlOf } = system();
        const docs = await call(urlOf('intake'), 'GET', '/docs-json');
        const operation = docs.body.paths['/intake/states']?.get;
        expect(operation['x-required-permission']).toBe('allegation:read');
        expect(operation.parameters).toContainEqual(
          expect.objectContaining({
            name: 'language',
            in: 'query',
            required: false,
            schema: expect.objectContaining({ enum: ['ar', 'zh', 'en', 'fr', 'ru', 'es'] }),
          }),
        );
      });

      it('given a language that is not a UN language, when listed, then 400 names it', async () => {
        const { urlOf } = system();
        const response = await call(urlOf('intake'), 'GET', '/intake/states?language=de', {
          token: await tokenFor('intake-officer'),
        });
        expect(response.status).toBe(400);
        expect(response.body.issues.map((issue: { field: string }) => issue.field)).toEqual(['language']);
      });

      it('given a role without allegation:read, when listed, then 403', async () => {
        const { urlOf } = system();
        const response = await call(urlOf('intake'), 'GET', '/intake/states', {
          token: await tokenFor('reporting-analyst'),
        });
        expect(response.status).toBe(403);
      });
    });

    it('answers health without a token and documents its routes', async () => {
      const { urlOf } = system();
      const health = await call(urlOf('intake'), 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('ok');
      expect(health.body.details['intake-database']).toEqual({
        status: 'up',
        pendingEvents: expect.any(Number),
      });
      const docs = await call(urlOf('intake'), 'GET', '/docs-json');
      expect(Object.keys(docs.body.paths)).toContain('/intake/allegations');
    });

    it('given the OpenAPI document, when read, then every JSON body has an example and every field a description', async () => {
      const docs = await call(system().urlOf('intake'), 'GET', '/docs-json');
      const paths = docs.body.paths as Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema: DescribedSchema }> } }>
      >;
      const bodies = Object.entries(paths).flatMap(([path, operations]) =>
        Object.entries(operations).flatMap(([method, operation]) => {
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          return schema ? [{ route: `${method.toUpperCase()} ${path}`, schema }] : [];
        }),
      );
      expect(bodies.length).toBeGreaterThan(10);
      expect(bodies.filter((body) => body.schema.example === undefined).map((body) => body.route)).toEqual(
        [],
      );
      expect(bodies.flatMap((body) => undescribedProperties(body.schema, body.route))).toEqual([]);
    });
  });
}
