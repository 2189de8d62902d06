import { eventually } from '@reprisals/testing';
import { describeShareRevocation } from './share-revocation.contract';
import { call, tokenFor, useStandaloneSystem, validAllegation, type RunningProcess } from './system.fixture';

const LEAD = 'OHCHR';
const PARTNER = 'TREATY-BODIES';

describe('sharing a case with another UN entity', () => {
  const system = useStandaloneSystem('case_sharing');
  let running: RunningProcess;

  beforeAll(() => {
    ({ running } = system());
  });

  /** What the partner entity gets from each service for the case. */
  const partnerView = async (caseId: string) => ({
    intake: (
      await call(running.baseUrl, 'GET', `/intake/allegations/${caseId}`, {
        token: await tokenFor('focal-point', PARTNER),
      })
    ).status,
    verification: (
      await call(running.baseUrl, 'GET', `/verification/cases/${caseId}`, {
        token: await tokenFor('verification-officer', PARTNER),
      })
    ).status,
    timeline: (
      await call(running.baseUrl, 'GET', `/reporting/cases/${caseId}/timeline`, {
        token: await tokenFor('reporting-analyst', PARTNER),
      })
    ).status,
    dashboard: (
      await call(running.baseUrl, 'GET', `/reporting/cases?state=${validAllegation.stateConcerned}`, {
        token: await tokenFor('reporting-analyst', PARTNER),
      })
    ).body.cases.some((entry: { caseId: string }) => entry.caseId === caseId),
    stateFile: (
      await call(
        running.baseUrl,
        'GET',
        `/state-communication/states/${validAllegation.stateConcerned}/cases`,
        { token: await tokenFor('state-liaison', PARTNER) },
      )
    ).body.cases.some((entry: { caseId: string }) => entry.caseId === caseId),
  });
  const hidden = { intake: 404, verification: 404, timeline: 404, dashboard: false, stateFile: false };
  const shown = { intake: 200, verification: 200, timeline: 200, dashboard: true, stateFile: true };

  it('given no consent to share, when an officer shares, then 409; a supervisor override shares it, an accepted share shows it everywhere, and a revoke hides it everywhere', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      token: await tokenFor('intake-officer', LEAD),
      body: validAllegation,
    });
    const caseId: string = created.body.id;
    await eventually(
      async () =>
        (await partnerView(caseId)).timeline === 404 &&
        (
          await call(running.baseUrl, 'GET', `/reporting/cases/${caseId}/timeline`, {
            token: await tokenFor('reporting-analyst', LEAD),
          })
        ).status === 200,
      { description: 'the case in reporting' },
    );
    expect(await partnerView(caseId)).toEqual(hidden);

    const share = {
      entity: PARTNER,
      purpose: 'The treaty body follows up on the detention',
      scope: 'summary',
    };
    const withoutConsent = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
      token: await tokenFor('intake-officer', LEAD),
      body: share,
    });
    expect(withoutConsent.status).toBe(409);
    const officerOverride = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
      token: await tokenFor('intake-officer', LEAD),
      body: { ...share, overrideReason: 'Imminent risk: the committee must act before the hearing' },
    });
    expect(officerOverride.status).toBe(403);
    const byPartner = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
      token: await tokenFor('supervisor', PARTNER),
      body: {
        ...share,
        entity: 'UNDP',
        overrideReason: 'Imminent risk: the committee must act before the hearing',
      },
    });
    expect(byPartner.status).toBe(404);

    const offered = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
      token: await tokenFor('supervisor', LEAD),
      body: { ...share, overrideReason: 'Imminent risk: the committee must act before the hearing' },
    });
    expect(offered.status).toBe(201);
    const shareId: string = offered.body.shareId;
    expect(await partnerView(caseId)).toEqual(hidden);

    const offers = await call(running.baseUrl, 'GET', `/intake/allegations/${caseId}/shares`, {
      token: await tokenFor('focal-point', PARTNER),
    });
    expect(offers.body.shares).toEqual([
      expect.objectContaining({ shareId, status: 'offered', consentBasis: 'supervisor-override' }),
    ]);
    const wrongEntity = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shareId}/accept`,
      {
        token: await tokenFor('focal-point', 'UNDP'),
      },
    );
    expect(wrongEntity.status).toBe(404);
    const accepted = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shareId}/accept`,
      {
        token: await tokenFor('focal-point', PARTNER),
      },
    );
    expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted' } });
    await eventually(async () => JSON.stringify(await partnerView(caseId)) === JSON.stringify(shown), {
      timeoutMs: 5_000,
      description: 'every service to show the shared case',
    });

    const revoked = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shareId}/revoke`,
      {
        token: await tokenFor('intake-officer', LEAD),
      },
    );
    expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked' } });
    const revokedAt = Date.now();
    await eventually(async () => JSON.stringify(await partnerView(caseId)) === JSON.stringify(hidden), {
      timeoutMs: 5_000,
      description: 'every service to hide the case again',
    });
    expect(Date.now() - revokedAt).toBeLessThan(1_000);

    const audit = await call(running.baseUrl, 'GET', `/intake/audit?caseId=${caseId}`, {
      token: await tokenFor('auditor', LEAD),
    });
    const steps = (
      audit.body.records as Array<{
        action: string;
        outcome: string;
        reason: string | null;
        actorEntity: string;
      }>
    ).map((row) => `${row.action} ${row.outcome}${row.reason ? ` ${row.reason}` : ''} ${row.actorEntity}`);
    expect(steps).toEqual(
      expect.arrayContaining([
        'case:share denied consent-missing OHCHR',
        'case:share denied override-not-permitted OHCHR',
        'case:share denied no-share TREATY-BODIES',
        'consent:override allowed OHCHR',
        'case:share allowed OHCHR',
        'share:respond denied not-offered-to-you UNDP',
        'share:respond allowed TREATY-BODIES',
        'allegation:read allowed TREATY-BODIES',
        'allegation:read denied no-share TREATY-BODIES',
      ]),
    );
  });

  it('given a field presence leading a case, when headquarters accepts the lead, then every service follows the new lead and the audit shows both sides', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      token: await tokenFor('intake-officer', 'OHCHR-COL'),
      body: validAllegation,
    });
    const caseId: string = created.body.id;
    const seenBy = async (entity: string) =>
      (
        await call(running.baseUrl, 'GET', `/verification/cases/${caseId}`, {
          token: await tokenFor('verification-officer', entity),
        })
      ).status;
    await eventually(async () => (await seenBy('OHCHR-COL')) === 200, {
      description: 'the case in verification',
    });
    expect(await seenBy(LEAD)).toBe(404);

    const requested = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/lead-transfers`, {
      token: await tokenFor('supervisor', 'OHCHR-COL'),
      body: {
        toEntity: LEAD,
        overrideReason: 'Headquarters takes the lead: the field office is under pressure',
      },
    });
    expect(requested.status).toBe(201);
    const byOther = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/lead-transfers/${requested.body.transferId}/accept`,
      {
        token: await tokenFor('supervisor', 'UNDP'),
      },
    );
    expect(byOther.status).toBe(404);
    const accepted = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/lead-transfers/${requested.body.transferId}/accept`,
      {
        token: await tokenFor('supervisor', LEAD),
      },
    );
    expect(accepted).toMatchObject({ status: 200, body: { leadEntity: LEAD } });
    await eventually(async () => (await seenBy(LEAD)) === 200 && (await seenBy('OHCHR-COL')) === 404, {
      timeoutMs: 5_000,
      description: 'every service to follow the new lead',
    });
    const intake = await call(running.baseUrl, 'GET', `/intake/allegations/${caseId}`, {
      token: await tokenFor('intake-officer', LEAD),
    });
    expect(intake.body.leadEntity).toBe(LEAD);

    const audit = await call(running.baseUrl, 'GET', `/intake/audit?caseId=${caseId}`, {
      token: await tokenFor('auditor', LEAD),
    });
    const steps = (
      audit.body.records as Array<{
        action: string;
        outcome: string;
        target: string | null;
        actorEntity: string;
      }>
    ).map((row) => `${row.action} ${row.outcome} ${row.target ?? ''} ${row.actorEntity}`);
    expect(steps).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^case:share allowed lead-transfer:.*:requested OHCHR-COL$/),
        expect.stringMatching(/^share:respond allowed lead-transfer:.*:accepted OHCHR$/),
        expect.stringMatching(/^share:respond denied .* UNDP$/),
      ]),
    );
  });

  it('given a lead transfer, then it needs consent or an override, a stale request lapses, and the new lead revokes the shares its predecessor made', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      token: await tokenFor('intake-officer', 'OHCHR-GTM'),
      body: validAllegation,
    });
    const caseId: string = created.body.id;
    const override = { overrideReason: 'Headquarters must lead: the risk to the person is critical' };
    const withoutOverride = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/lead-transfers`,
      {
        token: await tokenFor('intake-officer', 'OHCHR-GTM'),
        body: { toEntity: LEAD },
      },
    );
    expect(withoutOverride.status).toBe(409);

    const shared = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
      token: await tokenFor('supervisor', 'OHCHR-GTM'),
      body: {
        entity: PARTNER,
        purpose: 'The treaty body follows up on the threats',
        scope: 'summary',
        ...override,
      },
    });
    expect(shared.status).toBe(201);
    const toUndp = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/lead-transfers`, {
      token: await tokenFor('supervisor', 'OHCHR-GTM'),
      body: { toEntity: 'UNDP', ...override },
    });
    const toHeadquarters = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/lead-transfers`,
      {
        token: await tokenFor('supervisor', 'OHCHR-GTM'),
        body: { toEntity: LEAD, ...override },
      },
    );
    expect([toUndp.status, toHeadquarters.status]).toEqual([201, 201]);
    const accepted = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/lead-transfers/${toHeadquarters.body.transferId}/accept`,
      {
        token: await tokenFor('supervisor', LEAD),
      },
    );
    expect(accepted.status).toBe(200);

    const stale = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/lead-transfers/${toUndp.body.transferId}/accept`,
      {
        token: await tokenFor('supervisor', 'UNDP'),
      },
    );
    expect(stale.status).toBe(409);
    const lapsedOffer = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shared.body.shareId}/accept`,
      {
        token: await tokenFor('focal-point', PARTNER),
      },
    );
    expect(lapsedOffer.status).toBe(409);
    const byFormerLead = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shared.body.shareId}/revoke`,
      {
        token: await tokenFor('supervisor', 'OHCHR-GTM'),
      },
    );
    expect(byFormerLead.status).toBe(404);
    const byNewLead = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shared.body.shareId}/revoke`,
      {
        token: await tokenFor('supervisor', LEAD),
      },
    );
    expect(byNewLead).toMatchObject({ status: 200, body: { status: 'revoked' } });
    const lead = await call(running.baseUrl, 'GET', `/intake/allegations/${caseId}`, {
      token: await tokenFor('intake-officer', LEAD),
    });
    expect(lead.body.leadEntity).toBe(LEAD);
  });

  describeShareRevocation('standalone, in-process delivery', () => ({
    urlOf: () => running.baseUrl,
    deliveryTimeoutMs: 5_000,
  }));
});
