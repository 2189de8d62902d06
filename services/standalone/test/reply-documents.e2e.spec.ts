import type { AuditRecordView as AuditRow } from '@reprisals/audit';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEALED_STREAM_OVERHEAD } from '@reprisals/identity-vault';
import { ManualClock } from '@reprisals/kernel';
import type { Role } from '@reprisals/security';
import { eventually } from '@reprisals/testing';
import { download, evidenceForm, pdfWith, type EvidenceFile } from './evidence.fixture';
import { engagementWith } from './state-communication.fixture';
import { as, call, countRows, queryRows, useStandaloneSystem } from './system.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

/** Sees none of the cases this file creates. */
const OUTSIDER = 'UNDP';
const LIAISON = 'state-liaison-1';

describe('documents attached to a State’s reply', () => {
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useStandaloneSystem('reply_documents', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);
  const liaison = () => as('state-liaison', LEAD, LIAISON);
  let caseId: string;
  let communicationId: string;
  let replyId: string;

  const documentsPath = (communication = communicationId, reply = replyId) =>
    `/state-communication/communications/${communication}/replies/${reply}/documents`;
  const upload = async (form: FormData, caller: { token: string }, path = documentsPath()) =>
    call(baseUrl(), 'POST', path, { ...caller, body: form });
  const pdf = (marker: string, size = 4096): EvidenceFile => ({
    data: pdfWith(marker, size),
    name: 'Réponse de la Mission – 2026.pdf',
    type: 'application/pdf',
  });
  const storedFiles = () => readdirSync(system().replyDocumentsDir).sort();
  const documentRows = () => countRows(system().database.url, 'state_communication.reply_document');
  /** What is stored, to compare before and after a refused call. */
  const written = async () => ({ files: storedFiles(), rows: await documentRows() });
  const auditOf = async (id: string): Promise<AuditRow[]> => {
    const audit = await call(
      baseUrl(),
      'GET',
      `/state-communication/audit?caseId=${id}&limit=500`,
      await as('auditor', LEAD),
    );
    expect(audit.status).toBe(200);
    return audit.body.records as AuditRow[];
  };

  /** A communication drafted from a decided State-facing action, approved, sent, and the State's reply recorded. */
  beforeAll(async () => {
    ({ caseId, id: communicationId } = await engagementWith(baseUrl, protocol, { liaison: LIAISON }));
    const replied = await call(
      baseUrl(),
      'POST',
      `/state-communication/communications/${communicationId}/replies`,
      {
        ...(await liaison()),
        body: {
          type: 'information-on-measures-taken',
          receivedOn: '2026-11-30',
          language: 'fr',
          assessment: 'partially-responsive',
        },
      },
    );
    expect(replied.status).toBe(201);
    replyId = replied.body.replies[0].id;
  });

  it('given a PDF the State sent, when the liaison attaches it and others read it, then it is sealed at rest, listed, downloaded byte for byte, and every step is audited', async () => {
    const marker = `REPLY-PLAINTEXT-${randomUUID()}`;
    const file = pdf(marker, 300 * 1024);
    const sha256 = createHash('sha256').update(file.data).digest('hex');

    const added = await upload(evidenceForm(file), await liaison());

    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      mediaType: 'application/pdf',
      sizeBytes: file.data.length,
      sha256,
    });
    const id: string = added.body.id;

    // At rest: one file named by the id, sealed; the row holds no name in clear.
    expect(storedFiles()).toEqual([id]);
    const stored = readFileSync(join(system().replyDocumentsDir, id));
    expect(stored.length).toBe(file.data.length + SEALED_STREAM_OVERHEAD);
    expect(stored.includes(marker)).toBe(false);
    expect(stored.includes('%PDF')).toBe(false);
    const [row] = await queryRows<{ row: string }>(
      system().database.url,
      'SELECT row_to_json(d)::text AS row FROM state_communication.reply_document d WHERE id = $1',
      [id],
    );
    expect(row!.row).toContain(communicationId);
    for (const secret of ['Réponse', 'Mission', '2026.pdf']) expect(row!.row).not.toContain(secret);

    const listed = await call(baseUrl(), 'GET', documentsPath(), await as('supervisor', LEAD));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      documents: [
        {
          id,
          mediaType: 'application/pdf',
          sizeBytes: file.data.length,
          sha256,
          receivedAt: clock.now().toISOString(),
          addedBy: { role: 'state-liaison', entity: LEAD },
        },
      ],
    });

    const reader = await as('verification-officer', LEAD, 'verification-officer-7');
    const fetched = await download(`${baseUrl()}${documentsPath()}/${id}`, reader.token);
    expect(fetched.status).toBe(200);
    expect(fetched.cutShort).toBeUndefined();
    expect(fetched.bytes.equals(file.data)).toBe(true);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(fetched.headers.get('content-length')).toBe(String(file.data.length));
    expect(fetched.headers.get('content-disposition')).toBe(
      `attachment; filename="R?ponse de la Mission ? 2026.pdf"; filename*=UTF-8''R%C3%A9ponse%20de%20la%20Mission%20%E2%80%93%202026.pdf`,
    );
    expect(fetched.headers.get('x-content-type-options')).toBe('nosniff');

    const audit = await auditOf(caseId);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'communication:record-reply',
          target: `reply-document:${id}`,
          outcome: 'allowed',
          actorSub: LIAISON,
        }),
        expect.objectContaining({
          action: 'communication:read-reply-documents',
          target: 'GET /state-communication/communications/:id/replies/:replyId/documents',
          outcome: 'allowed',
          actorRole: 'supervisor',
        }),
        expect.objectContaining({
          action: 'communication:read-reply-documents',
          target: `reply-document:${id}`,
          outcome: 'allowed',
          actorSub: 'verification-officer-7',
        }),
      ]),
    );
  });

  it('given roles without the permission, when they attach, list or download, then they get 403 and nothing is written', async () => {
    const added = await upload(evidenceForm(pdf('permission')), await liaison());
    expect(added.status).toBe(201);
    const before = await written();
    const statuses = async (role: Role, entity = LEAD) => {
      const caller = await as(role, entity);
      return [
        (await upload(evidenceForm(pdf('refused')), caller)).status,
        (await call(baseUrl(), 'GET', documentsPath(), caller)).status,
        (await call(baseUrl(), 'GET', `${documentsPath()}/${added.body.id}`, caller)).status,
      ];
    };

    // verification-officer reads reply documents but does not record replies; reporting-analyst does neither.
    expect(await statuses('verification-officer')).toEqual([403, 200, 200]);
    expect(await statuses('reporting-analyst')).toEqual([403, 403, 403]);
    // A Permanent Mission replies through its own routes: it neither attaches nor reads these documents.
    expect(await statuses('state-mission', 'BLR')).toEqual([403, 403, 403]);
    expect(await written()).toEqual(before);
  });

  it('given an unknown reply or communication, when a document is attached, then 404 and no file, no row', async () => {
    const before = await written();
    const unknownReply = await upload(
      evidenceForm(pdf('unknown-reply')),
      await liaison(),
      documentsPath(communicationId, randomUUID()),
    );
    const unknownCommunication = await upload(
      evidenceForm(pdf('unknown-communication')),
      await liaison(),
      documentsPath(randomUUID(), replyId),
    );

    expect(unknownReply.status).toBe(404);
    expect(unknownReply.body.message).toBe('No such reply');
    expect(unknownCommunication.status).toBe(404);
    expect(await written()).toEqual(before);
    expect(
      (await call(baseUrl(), 'GET', documentsPath(communicationId, randomUUID()), await liaison())).status,
    ).toBe(404);
    expect((await call(baseUrl(), 'GET', `${documentsPath()}/${randomUUID()}`, await liaison())).status).toBe(
      404,
    );
  });

  it('given a file that is not a document, unknown parts or no file, when attached, then 415 or 400 naming the fields, and nothing is written', async () => {
    const before = await written();
    const executable: EvidenceFile = {
      data: Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(4096, 1)]),
      name: 'reply.pdf',
      type: 'application/pdf',
    };

    const refusedType = await upload(evidenceForm(executable), await liaison());
    const unknownParts = await upload(
      evidenceForm(pdf('parts'), { note: 'x', colour: 'blue' }),
      await liaison(),
    );
    const noFile = await upload(evidenceForm(undefined), await liaison());

    expect(refusedType.status).toBe(415);
    expect(unknownParts.status).toBe(400);
    expect((unknownParts.body.issues as { field: string }[]).map((issue) => issue.field)).toEqual([
      'note',
      'colour',
    ]);
    expect(noFile.status).toBe(400);
    expect(noFile.body.issues).toEqual([{ field: 'file', message: 'is required' }]);
    expect(await written()).toEqual(before);
  });

  it('given a reply to a call for input (no case), when a document is attached and read, then it is sealed with the communication’s own key and its read is audited', async () => {
    const opened = await call(baseUrl(), 'POST', '/state-communication/calls-for-input', {
      ...(await liaison()),
      body: { periodFrom: '2025-11-01', periodTo: '2026-10-31', states: ['NIC'], languageOf: { NIC: 'es' } },
    });
    expect(opened.status).toBe(201);
    const callId = opened.body.id as string;
    const approved = await call(baseUrl(), 'POST', `/state-communication/calls-for-input/${callId}/approve`, {
      ...(await as('supervisor', LEAD, 'supervisor-9')),
      body: {},
    });
    expect(approved.status).toBe(200);
    const dispatched = await call(
      baseUrl(),
      'POST',
      `/state-communication/calls-for-input/${callId}/dispatch`,
      { ...(await liaison()), body: {} },
    );
    expect(dispatched.status).toBe(202);
    const nicaragua = await eventually(async () => {
      const view = await call(
        baseUrl(),
        'GET',
        `/state-communication/calls-for-input/${callId}`,
        await liaison(),
      );
      return view.body?.totals?.sent === 1 ? (view.body.recipients[0].communicationId as string) : undefined;
    });
    const replied = await call(
      baseUrl(),
      'POST',
      `/state-communication/communications/${nicaragua}/replies`,
      {
        ...(await liaison()),
        body: {
          type: 'substantive-reply',
          receivedOn: '2026-11-30',
          language: 'es',
          assessment: 'responsive',
        },
      },
    );
    expect(replied.status).toBe(201);
    const path = documentsPath(nicaragua, replied.body.replies[0].id);
    const marker = `CALL-FOR-INPUT-${randomUUID()}`;
    const file = pdf(marker, 20 * 1024);

    const added = await upload(evidenceForm(file), await liaison(), path);
    const fetched = await download(
      `${baseUrl()}${path}/${added.body.id}`,
      (await as('supervisor', LEAD, 'supervisor-4')).token,
    );

    expect(added.status).toBe(201);
    expect(fetched.status).toBe(200);
    expect(fetched.bytes.equals(file.data)).toBe(true);
    expect(readFileSync(join(system().replyDocumentsDir, added.body.id)).includes(marker)).toBe(false);
    // The key is the communication's own: there is no case to erase it with.
    const keys = await queryRows<{ case_id: string }>(
      system().database.url,
      'SELECT case_id FROM state_communication.case_data_key WHERE case_id = $1 AND destroyed_at IS NULL',
      [nicaragua],
    );
    expect(keys).toHaveLength(1);
    // Another entity's people: the call's letter, its reply and its documents do not exist for them.
    const outsider = await as('supervisor', OUTSIDER, 'supervisor-outsider');
    expect((await call(baseUrl(), 'GET', path, outsider)).status).toBe(404);
    expect((await download(`${baseUrl()}${path}/${added.body.id}`, outsider.token)).status).toBe(404);
    const before = await written();
    const foreign = await upload(evidenceForm(pdf('FOREIGN')), await as('state-liaison', OUTSIDER), path);
    expect(foreign.status).toBe(404);
    expect(await written()).toEqual(before);
    const audit = await call(
      baseUrl(),
      'GET',
      '/state-communication/audit?actor=supervisor-4&limit=50',
      await as('auditor', LEAD),
    );
    expect(audit.body.records).toEqual([
      expect.objectContaining({
        action: 'communication:read-reply-documents',
        caseId: null,
        target: `reply-document:${added.body.id}`,
        outcome: 'allowed',
      }),
    ]);
  });

  it('given an entity that does not see the case, when it attaches, lists or downloads, then 404, audited as denied, and nothing is written', async () => {
    const added = await upload(evidenceForm(pdf('outsider')), await liaison());
    expect(added.status).toBe(201);
    const before = await written();

    const attached = await upload(evidenceForm(pdf('outsider-upload')), await as('state-liaison', OUTSIDER));
    const listed = await call(baseUrl(), 'GET', documentsPath(), await as('supervisor', OUTSIDER));
    const fetched = await call(
      baseUrl(),
      'GET',
      `${documentsPath()}/${added.body.id}`,
      await as('state-liaison', OUTSIDER),
    );

    expect([attached.status, listed.status, fetched.status]).toEqual([404, 404, 404]);
    expect(await written()).toEqual(before);
    const denied = (await auditOf(caseId)).filter(
      (record) => record.actorEntity === OUTSIDER && record.outcome === 'denied',
    );
    expect(denied.map((record) => [record.action, record.reason])).toEqual([
      ['communication:record-reply', 'no-share'],
      ['communication:read-reply-documents', 'no-share'],
      ['communication:read-reply-documents', 'no-share'],
    ]);
  });

  it('given the case is erased in intake, when the documents of the State’s reply are downloaded, then they can no longer be opened', async () => {
    const added = await upload(evidenceForm(pdf(`ERASED-${randomUUID()}`)), await liaison());
    expect(added.status).toBe(201);
    const path = `${documentsPath()}/${added.body.id}`;
    const supervisor = await as('supervisor', LEAD, 'supervisor-9');
    expect((await call(baseUrl(), 'GET', path, supervisor)).status).toBe(200);

    const erasure = await call(baseUrl(), 'DELETE', `/intake/allegations/${caseId}/personal-data`, {
      ...supervisor,
      body: { reason: 'request-of-the-person', note: 'The person asked in writing on 3 May.' },
    });
    expect(erasure.status).toBe(200);

    const refused = await eventually(async () => {
      const answer = await call(baseUrl(), 'GET', path, supervisor);
      return answer.status === 200 ? undefined : answer;
    });
    expect(refused.status).toBe(410);
    // And the key that sealed them is destroyed in state-communication's own vault.
    const key = await eventually(async () => {
      const [row] = await queryRows<{ destroyed: boolean }>(
        system().database.url,
        `SELECT "destroyed_at" IS NOT NULL AND "wrapped_key" IS NULL AS destroyed
           FROM state_communication.case_data_key WHERE case_id = $1`,
        [caseId],
      );
      return row?.destroyed ? row : undefined;
    });
    expect(key.destroyed).toBe(true);
  });
});
