import { eventually } from '@reprisals/testing';
import { as, call } from './system.fixture';
import { LEAD, type protocolClient } from './verification-protocol.fixture';

/** A case whose private engagement with the State was decided in verification, and its letter. */
export interface Engagement {
  caseId: string;
  /** The communication state-communication drafted for it. */
  id: string;
}

/**
 * Takes a case through verification to a decided private engagement (with consent to raise it)
 * and, unless `send` is false, has its letter approved by a supervisor and sent by the lead's
 * liaison: answers once state-communication shows it sent.
 */
export async function engagementWith(
  baseUrl: () => string,
  protocol: ReturnType<typeof protocolClient>,
  options: { state?: string; send?: boolean; liaison?: string } = {},
): Promise<Engagement> {
  const liaison = await as('state-liaison', LEAD, options.liaison ?? 'state-liaison-1');
  const caseId = await protocol.verifiedCase({
    consent: true,
    ...(options.state ? { state: options.state } : {}),
  });
  await protocol.decide(caseId, { actionType: 'private-engagement' });
  const draft = await eventually(async () => {
    const answer = await call(
      baseUrl(),
      'GET',
      `/state-communication/communications?caseId=${caseId}`,
      liaison,
    );
    return answer.body?.communications?.[0] as { id: string } | undefined;
  });
  if (options.send === false) return { caseId, id: draft.id };
  const approved = await call(baseUrl(), 'POST', `/state-communication/communications/${draft.id}/approve`, {
    ...(await as('supervisor', LEAD, 'supervisor-9')),
    body: {},
  });
  if (approved.status !== 200) throw new Error(`the letter was not approved: ${approved.status}`);
  const dispatched = await call(
    baseUrl(),
    'POST',
    `/state-communication/communications/${draft.id}/dispatch`,
    {
      ...liaison,
      body: {},
    },
  );
  if (dispatched.status !== 202) throw new Error(`the letter was not sent: ${dispatched.status}`);
  await eventually(
    async () =>
      (await call(baseUrl(), 'GET', `/state-communication/communications/${draft.id}`, liaison)).body
        ?.status === 'sent',
  );
  return { caseId, id: draft.id };
}
