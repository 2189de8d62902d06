import type { AuditRecordView as AuditRow } from '@reprisals/audit';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SEALED_STREAM_OVERHEAD } from '@reprisals/identity-vault';
import type { Role } from '@reprisals/security';
import { eventually } from '@reprisals/testing';
import {
  abandonUpload,
  announceUpload,
  download,
  evidenceForm,
  pdfWith,
  uploadStreamed,
  type EvidenceFile,
} from './evidence.fixture';
import { call, countRows, queryRows, tokenFor, useStandaloneSystem, validAllegation } from './system.fixture';

const LEAD = 'OHCHR';
const SUMMARY_PARTNER = 'TREATY-BODIES';
const FULL_PARTNER = 'SPECIAL-PROCEDURES';
const OUTSIDER = 'UNHCR';
const MB = 1000 * 1000;
const CHUNK = 64 * 1024;

/** The garbage collector (Jest does not start Node with --expose-gc): for memory measurements. */
const gc = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** What this process holds after a full collection: the V8 heap and the buffers outside it. */
async function retained(): Promise<number> {
  gc();
  // Buffers' memory is released by a sweeper after the collection: let it run first.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Retained memory and RSS while a transfer runs, sampled every `every` chunks. */
function memoryProbe(every = 32) {
  let baseline: number | undefined;
  let rssBaseline = 0;
  let peak = 0;
  let rssPeak = 0;
  let calls = 0;
  return {
    sample: async () => {
      calls += 1;
      if (calls % every !== 0) return;
      const now = await retained();
      if (baseline === undefined) {
        baseline = now;
        rssBaseline = process.memoryUsage().rss;
      }
      peak = Math.max(peak, now);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    },
    growth: () => {
      if (baseline === undefined) throw new Error('the transfer was too short to measure');
      return { retained: peak - baseline, rss: rssPeak - rssBaseline };
    },
  };
}

describe('evidence files of a case', () => {
  const system = useStandaloneSystem('evidence');
  let baseUrl: string;
  let caseId: string;

  const as = (role: Role, entity: string) =>
    tokenFor(role, entity, `evidence-${role}-${entity.toLowerCase()}`);
  const attachmentsOf = (id: string) => `${baseUrl}/intake/allegations/${id}/attachments`;
  const upload = async (id: string, form: FormData, role: Role = 'intake-officer', entity = LEAD) =>
    call(baseUrl, 'POST', `/intake/allegations/${id}/attachments`, {
      token: await as(role, entity),
      body: form,
    });
  const list = async (id: string, role: Role = 'verification-officer', entity = LEAD) =>
    call(baseUrl, 'GET', `/intake/allegations/${id}/attachments`, { token: await as(role, entity) });
  const storedFiles = () => readdirSync(system().attachmentsDir).sort();
  const attachmentRows = () => countRows(system().database.url, 'intake.case_attachment');
  const auditOf = async (id: string): Promise<AuditRow[]> => {
    const audit = await call(baseUrl, 'GET', `/intake/audit?caseId=${id}&limit=500`, {
      token: await as('auditor', LEAD),
    });
    return (audit.body.records as AuditRow[]).filter((row) => row.action.startsWith('evidence:'));
  };

  async function newCase(): Promise<string> {
    const created = await call(baseUrl, 'POST', '/intake/allegations', {
      token: await as('intake-officer', LEAD),
      body: validAllegation,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function shareWith(id: string, entity: string, scope: 'summary' | 'full'): Promise<void> {
    const offered = await call(baseUrl, 'POST', `/intake/allegations/${id}/shares`, {
      token: await as('supervisor', LEAD),
      body: {
        entity,
        purpose: 'Follow-up of the allegation',
        scope,
        overrideReason: 'Imminent risk: hearing next week',
      },
    });
    expect(offered.status).toBe(201);
    const accepted = await call(
      baseUrl,
      'POST',
      `/intake/allegations/${id}/shares/${offered.body.shareId}/accept`,
      { token: await as('focal-point', entity) },
    );
    expect(accepted.status).toBe(200);
  }

  beforeAll(async () => {
    baseUrl = system().running.baseUrl;
    caseId = await newCase();
    await shareWith(caseId, SUMMARY_PARTNER, 'summary');
    await shareWith(caseId, FULL_PARTNER, 'full');
  });

  it('given a document with a non-ASCII name and a description, when attached and read back, then it is listed without its name, downloaded intact with it, sealed at rest, announced without it, and every step is audited', async () => {
    const marker = `PLAINTEXT-MARKER-${randomUUID()}`;
    const file: EvidenceFile = {
      data: pdfWith(marker, 300 * 1024),
      name: 'Témoignage – Ayşe «2026».pdf',
      type: 'application/pdf',
    };
    const description = `Summons served at the family home DESCRIPTION-${randomUUID()}`;
    const sha256 = createHash('sha256').update(file.data).digest('hex');

    const added = await upload(caseId, evidenceForm(file, { description }));

    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      contentType: 'application/pdf',
      size: file.data.length,
      sha256,
      addedAt: expect.any(String),
      addedByEntity: LEAD,
    });
    const id: string = added.body.id;

    const listed = await list(caseId);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      attachments: [
        {
          id,
          contentType: 'application/pdf',
          size: file.data.length,
          sha256,
          description,
          addedAt: added.body.addedAt,
          addedByEntity: LEAD,
        },
      ],
    });
    expect(JSON.stringify(listed.body)).not.toContain('Ayşe');

    // An entity holding a full share reads it too.
    const fetched = await download(`${attachmentsOf(caseId)}/${id}`, await as('focal-point', FULL_PARTNER));
    expect(fetched.status).toBe(200);
    expect(fetched.cutShort).toBeUndefined();
    expect(fetched.bytes.equals(Buffer.from(file.data))).toBe(true);
    expect(createHash('sha256').update(fetched.bytes).digest('hex')).toBe(sha256);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(fetched.headers.get('content-length')).toBe(String(file.data.length));
    expect(fetched.headers.get('x-content-type-options')).toBe('nosniff');
    expect(fetched.headers.get('content-disposition')).toBe(
      `attachment; filename="T?moignage ? Ay?e ?2026?.pdf"; filename*=UTF-8''T%C3%A9moignage%20%E2%80%93%20Ay%C5%9Fe%20%C2%AB2026%C2%BB.pdf`,
    );

    // At rest: one file named by the id, sealed; the row holds the name, description and checksum sealed.
    expect(storedFiles()).toContain(id);
    expect(storedFiles().filter((name) => name.endsWith('.partial'))).toEqual([]);
    const stored = readFileSync(join(system().attachmentsDir, id));
    expect(stored.length).toBe(file.data.length + SEALED_STREAM_OVERHEAD);
    expect(stored.includes(marker)).toBe(false);
    expect(stored.includes('%PDF')).toBe(false);
    const [row] = await queryRows<{ row: string }>(
      system().database.url,
      `SELECT row_to_json(a)::text AS row FROM intake.case_attachment a WHERE attachment_id = $1`,
      [id],
    );
    for (const secret of ['Témoignage', 'moignage', description, sha256])
      expect(row!.row).not.toContain(secret);

    // The event says there is one more file, of which type and size: no name, no checksum.
    const events = await queryRows<{ payload: string }>(
      system().database.url,
      `SELECT payload FROM intake.outbox_message WHERE event_type = $1`,
      ['org.un.reprisals.intake.evidence-added'],
    );
    expect(events.map((event) => JSON.parse(event.payload) as unknown)).toContainEqual({
      caseId,
      attachmentId: id,
      contentType: 'application/pdf',
      size: file.data.length,
    });

    expect(await auditOf(caseId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'evidence:add',
          target: `attachment:${id}`,
          outcome: 'allowed',
          actorEntity: LEAD,
        }),
        expect.objectContaining({
          action: 'evidence:read',
          target: 'GET /intake/allegations/:id/attachments',
          outcome: 'allowed',
          actorEntity: LEAD,
        }),
        expect.objectContaining({
          action: 'evidence:read',
          target: `attachment:${id}`,
          outcome: 'allowed',
          actorEntity: FULL_PARTNER,
        }),
      ]),
    );
  });

  it('given an entity with a summary share and one without a share, when they add, list or download evidence, then they get 403 and 404, each audited, and nothing is written', async () => {
    const added = await upload(
      caseId,
      evidenceForm({ data: pdfWith('x', 2048), name: 'a.pdf', type: 'application/pdf' }),
    );
    const path = `/intake/allegations/${caseId}/attachments`;
    const rowsBefore = await attachmentRows();
    const filesBefore = storedFiles();
    const auditBefore = (await auditOf(caseId)).length;
    const form = () => evidenceForm({ data: pdfWith('x', 2048), name: 'b.pdf', type: 'application/pdf' });

    const answers: Record<string, number[]> = {};
    for (const entity of [SUMMARY_PARTNER, OUTSIDER]) {
      answers[entity] = [
        (await upload(caseId, form(), 'focal-point', entity)).status,
        (await list(caseId, 'focal-point', entity)).status,
        (await call(baseUrl, 'GET', `${path}/${added.body.id}`, { token: await as('focal-point', entity) }))
          .status,
      ];
    }

    expect(answers).toEqual({ [SUMMARY_PARTNER]: [403, 403, 403], [OUTSIDER]: [404, 404, 404] });
    // Roles the policy does not give evidence to: 403 before need to know is asked.
    expect((await list(caseId, 'state-liaison', LEAD)).status).toBe(403);
    expect((await upload(caseId, form(), 'reporting-analyst', LEAD)).status).toBe(403);
    expect(await attachmentRows()).toBe(rowsBefore);
    expect(storedFiles()).toEqual(filesBefore);
    const refusals = (await auditOf(caseId))
      .slice(auditBefore)
      .map((row) => `${row.action} ${row.actorEntity} ${row.outcome} ${row.reason}`);
    expect(refusals).toEqual([
      `evidence:add ${SUMMARY_PARTNER} denied summary-share`,
      `evidence:read ${SUMMARY_PARTNER} denied summary-share`,
      `evidence:read ${SUMMARY_PARTNER} denied summary-share`,
      `evidence:add ${OUTSIDER} denied no-share`,
      `evidence:read ${OUTSIDER} denied no-share`,
      `evidence:read ${OUTSIDER} denied no-share`,
      `evidence:read ${LEAD} denied missing-permission`,
      `evidence:add ${LEAD} denied missing-permission`,
    ]);
  });

  it('given a type outside the list, or a PDF that is an executable, when attached, then 415 and nothing is written', async () => {
    const rowsBefore = await attachmentRows();
    const filesBefore = storedFiles();
    const executable = Buffer.alloc(4096);
    executable.write('MZ', 'latin1');
    executable.writeUInt32LE(0x80, 60);

    const zip = await upload(
      caseId,
      evidenceForm({ data: Buffer.from('PK\x03\x04 archive'), name: 'a.zip', type: 'application/zip' }),
    );
    const disguised = await upload(
      caseId,
      evidenceForm({ data: executable, name: 'invoice.pdf', type: 'application/pdf' }),
    );

    expect([zip.status, disguised.status]).toEqual([415, 415]);
    expect(zip.body.message).toContain('accepted types: application/pdf, image/jpeg');
    expect(disguised.body.message).toBe('The file’s content does not match its declared type');
    expect(await attachmentRows()).toBe(rowsBefore);
    expect(storedFiles()).toEqual(filesBefore);
  });

  it('given a form without its file, or with unknown parts, when sent, then 400 names the fields and nothing is written', async () => {
    const rowsBefore = await attachmentRows();

    const withoutFile = await upload(caseId, evidenceForm(undefined, { description: 'No file here' }));
    const withUnknown = await upload(
      caseId,
      evidenceForm({ data: pdfWith('x', 1024), name: 'a.pdf', type: 'application/pdf' }, { victimName: 'x' }),
    );
    const asJson = await call(baseUrl, 'POST', `/intake/allegations/${caseId}/attachments`, {
      token: await as('intake-officer', LEAD),
      body: { file: 'not a file' },
    });

    expect(withoutFile.status).toBe(400);
    expect(withoutFile.body.issues).toEqual([{ field: 'file', message: 'is required' }]);
    expect(withUnknown.status).toBe(400);
    expect(withUnknown.body.issues).toEqual([{ field: 'victimName', message: 'is not a known field' }]);
    expect(asJson.status).toBe(415);
    expect(await attachmentRows()).toBe(rowsBefore);
  });

  it('given a file past ATTACHMENT_MAX_BYTES sent as it is produced, when attached, then 413 comes once the limit is passed, long before the end, and nothing is left', async () => {
    const rowsBefore = await attachmentRows();
    const filesBefore = storedFiles();
    const offered = 200 * MB;
    function* endless(): Generator<Buffer> {
      const chunk = pdfWith('x', CHUNK);
      for (let produced = 0; produced < offered; produced += CHUNK) yield chunk;
    }

    const streamed = await uploadStreamed(attachmentsOf(caseId), await as('intake-officer', LEAD), {
      name: 'too-large.pdf',
      type: 'application/pdf',
      chunks: endless(),
    });
    const announced = await announceUpload(attachmentsOf(caseId), await as('intake-officer', LEAD), offered);

    expect(streamed.status).toBe(413);
    expect(streamed.body.message).toBe(`An evidence file is at most ${50 * 1024 * 1024} bytes`);
    expect(streamed.headers.connection).toBe('close');
    // What had been handed to the connection when the answer came: the limit and the buffers on the way.
    expect(streamed.sent).toBeGreaterThan(50 * 1024 * 1024);
    expect(streamed.sent).toBeLessThan(offered / 2);
    // A body announced larger than the limit is refused before a byte of it is read.
    expect(announced.status).toBe(413);
    expect(await attachmentRows()).toBe(rowsBefore);
    expect(storedFiles()).toEqual(filesBefore);
    expect((await auditOf(caseId)).filter((row) => row.reason === 'too-large')).toHaveLength(2);
  });

  it('given an upload whose client goes away halfway, when the server notices, then its partial file is removed, no row is written, and the step is audited', async () => {
    const rowsBefore = await attachmentRows();
    const auditBefore = (await auditOf(caseId)).length;

    await abandonUpload(attachmentsOf(caseId), await as('intake-officer', LEAD), 4 * 1024 * 1024);

    await eventually(
      async () =>
        (await auditOf(caseId))
          .slice(auditBefore)
          .some((row) => row.action === 'evidence:add' && row.reason === 'aborted'),
      { description: 'the abandoned upload to be audited' },
    );
    expect(storedFiles().filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(await attachmentRows()).toBe(rowsBefore);
  });

  it('given a 50 MB recording streamed in and out, when attached and downloaded, then its checksum holds and the process holds far less than the file at any time', async () => {
    const size = 50 * MB;
    const sent = createHash('sha256');
    const uploadMemory = memoryProbe();
    async function* recording(): AsyncGenerator<Buffer> {
      for (let produced = 0; produced < size; produced += CHUNK) {
        const chunk = randomBytes(Math.min(CHUNK, size - produced));
        // An MPEG audio frame header: what an MP3 without an ID3 tag starts with.
        if (produced === 0) chunk.set([0xff, 0xfb, 0x90, 0x64]);
        sent.update(chunk);
        await uploadMemory.sample();
        yield chunk;
      }
    }

    const uploadStarted = Date.now();
    const added = await uploadStreamed(attachmentsOf(caseId), await as('intake-officer', LEAD), {
      name: 'Hearing recording.mp3',
      type: 'audio/mpeg',
      chunks: recording(),
    });
    const uploadMs = Date.now() - uploadStarted;

    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ contentType: 'audio/mpeg', size, sha256: sent.digest('hex') });
    expect(statSync(join(system().attachmentsDir, added.body.id)).size).toBe(size + SEALED_STREAM_OVERHEAD);

    const downloadMemory = memoryProbe();
    const received = createHash('sha256');
    let receivedBytes = 0;
    const downloadStarted = Date.now();
    const response = await fetch(`${attachmentsOf(caseId)}/${added.body.id}`, {
      headers: { authorization: `Bearer ${await as('intake-officer', LEAD)}` },
    });
    for await (const chunk of response.body!) {
      received.update(chunk as Uint8Array);
      receivedBytes += (chunk as Uint8Array).length;
      await downloadMemory.sample();
    }
    const downloadMs = Date.now() - downloadStarted;

    expect(response.status).toBe(200);
    expect(receivedBytes).toBe(size);
    expect(received.digest('hex')).toBe(added.body.sha256);
    if (process.env['EVIDENCE_MEMORY_REPORT']) {
      const [up, down] = [uploadMemory.growth(), downloadMemory.growth()];
      process.stderr.write(
        `evidence 50 MB: upload ${uploadMs} ms, retained +${up.retained} B, rss +${up.rss} B; ` +
          `download ${downloadMs} ms, retained +${down.retained} B, rss +${down.rss} B\n`,
      );
    }
    // Client and server share this process: a side holding the file would add 50 MB at least.
    // Streaming through Node's sockets alone shows a few MB in flight at a sample.
    expect(uploadMemory.growth().retained).toBeLessThan(size / 3);
    expect(downloadMemory.growth().retained).toBeLessThan(size / 3);
  });

  it('given a stored file altered on disk, when downloaded, then the answer is cut short and never complete', async () => {
    const data = pdfWith('altered', 200 * 1024);
    const added = await upload(caseId, evidenceForm({ data, name: 'altered.pdf', type: 'application/pdf' }));
    const path = join(system().attachmentsDir, added.body.id);
    const stored = readFileSync(path);
    stored.writeUInt8(stored.readUInt8(stored.length - 40) ^ 0xff, stored.length - 40);
    writeFileSync(path, stored);

    const fetched = await download(
      `${attachmentsOf(caseId)}/${added.body.id}`,
      await as('intake-officer', LEAD),
    );

    expect(fetched.status).toBe(200);
    expect(fetched.cutShort).toBeDefined();
    expect(fetched.bytes.length).toBeLessThan(data.length);
  });

  it('given a case whose personal data was erased, when its evidence is read or added, then 410, and the stored bytes never held the plaintext', async () => {
    const erasedCase = await newCase();
    const marker = `ERASED-MARKER-${randomUUID()}`;
    const data = pdfWith(marker, 64 * 1024);
    const added = await upload(
      erasedCase,
      evidenceForm({ data, name: 'erased.pdf', type: 'application/pdf' }),
    );
    expect(added.status).toBe(201);
    const before = await download(
      `${attachmentsOf(erasedCase)}/${added.body.id}`,
      await as('intake-officer', LEAD),
    );
    expect(before.bytes.equals(data)).toBe(true);

    const erased = await call(baseUrl, 'DELETE', `/intake/allegations/${erasedCase}/personal-data`, {
      token: await as('supervisor', LEAD),
      body: { reason: 'request-of-the-person', note: 'The person asked in writing.' },
    });
    expect(erased.status).toBe(200);

    const after = await download(
      `${attachmentsOf(erasedCase)}/${added.body.id}`,
      await as('intake-officer', LEAD),
    );
    expect(after.status).toBe(410);
    expect((await list(erasedCase)).status).toBe(410);
    const again = await upload(
      erasedCase,
      evidenceForm({ data, name: 'again.pdf', type: 'application/pdf' }),
    );
    expect(again.status).toBe(410);
    const stored = readFileSync(join(system().attachmentsDir, added.body.id));
    expect(stored.includes(marker)).toBe(false);
    expect(storedFiles().filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect((await auditOf(erasedCase)).map((row) => `${row.action} ${row.outcome} ${row.reason}`)).toContain(
      'evidence:add denied erased',
    );
  });
});
