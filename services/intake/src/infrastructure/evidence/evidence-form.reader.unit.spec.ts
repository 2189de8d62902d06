import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable, Writable } from 'node:stream';
import { readEvidenceForm, type EvidenceFormTarget } from './evidence-form.reader';
import {
  EvidenceFormInvalid,
  EvidenceRequestNotMultipart,
  EvidenceTooLarge,
  EvidenceTypeRefused,
} from './evidence.errors';
import { DEFAULT_ATTACHMENT_CONTENT_TYPES } from './evidence-storage.config';

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n' + ' '.repeat(2000), 'latin1');

/** A request as http gives it: a body stream with headers, `complete` once read to its end. */
function requestOf(body: Iterable<Buffer> | AsyncIterable<Buffer>, contentType: string): IncomingMessage {
  const stream = Readable.from(body, { objectMode: false });
  const request = Object.assign(stream, { headers: { 'content-type': contentType }, complete: false });
  stream.on('end', () => (request.complete = true));
  return request as unknown as IncomingMessage;
}

/** A form as fetch would send it, serialised. */
async function encoded(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type')!,
  };
}

function formWith(parts: Record<string, string | { data: Buffer; name: string; type: string }>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.data)], { type: value.type }), value.name);
  }
  return form;
}

/** A target writing the "sealed" bytes (here: as they are) to memory. */
function memoryTarget(
  maxBytes = 1024 * 1024,
): EvidenceFormTarget & { written: () => Buffer; opened: () => boolean } {
  const chunks: Buffer[] = [];
  let opened = false;
  return {
    maxBytes,
    contentTypes: [...DEFAULT_ATTACHMENT_CONTENT_TYPES],
    sealing: new PassThrough(),
    openDestination: () => {
      opened = true;
      return new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          chunks.push(chunk);
          done();
        },
      });
    },
    written: () => Buffer.concat(chunks),
    opened: () => opened,
  };
}

async function refusalOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the form was accepted');
}

describe('readEvidenceForm (a multipart evidence upload, as it arrives)', () => {
  it('given a file with a non-ASCII name and a description, when read, then the file streams to the target and both come back', async () => {
    const { body, contentType } = await encoded(
      formWith({
        description: '  Scan of the summons  ',
        file: { data: PDF, name: 'Témoignage – Ayşe «2026».pdf', type: 'application/pdf' },
      }),
    );
    const target = memoryTarget();

    const form = await readEvidenceForm(requestOf([body], contentType), target);

    expect(form).toEqual({
      filename: 'Témoignage – Ayşe «2026».pdf',
      description: 'Scan of the summons',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(target.written().equals(PDF)).toBe(true);
  });

  it('given no file part and two unknown parts, when read, then every offending field is named', async () => {
    const { body, contentType } = await encoded(formWith({ colour: 'blue', victimName: 'must not matter' }));

    const error = await refusalOf(readEvidenceForm(requestOf([body], contentType), memoryTarget()));

    expect(error).toBeInstanceOf(EvidenceFormInvalid);
    expect((error as EvidenceFormInvalid).issues).toEqual([
      { field: 'colour', message: 'is not a known field' },
      { field: 'victimName', message: 'is not a known field' },
      { field: 'file', message: 'is required' },
    ]);
  });

  it('given an unknown field before the file, when read, then it is refused before the file is written', async () => {
    const { body, contentType } = await encoded(
      formWith({ note: 'x', file: { data: PDF, name: 'a.pdf', type: 'application/pdf' } }),
    );
    const target = memoryTarget();

    const error = await refusalOf(readEvidenceForm(requestOf([body], contentType), target));

    expect((error as EvidenceFormInvalid).issues).toEqual([
      { field: 'note', message: 'is not a known field' },
    ]);
    expect(target.opened()).toBe(false);
  });

  it('given an empty file, when read, then it is refused as empty', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: Buffer.alloc(0), name: 'empty.pdf', type: 'application/pdf' } }),
    );

    const error = await refusalOf(readEvidenceForm(requestOf([body], contentType), memoryTarget()));

    expect((error as EvidenceFormInvalid).issues).toEqual([{ field: 'file', message: 'is empty' }]);
  });

  it('given a type outside the allow-list, when read, then it is refused before anything is written', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: Buffer.from('PK\x03\x04'), name: 'a.zip', type: 'application/zip' } }),
    );
    const target = memoryTarget();

    const error = await refusalOf(readEvidenceForm(requestOf([body], contentType), target));

    expect(error).toBeInstanceOf(EvidenceTypeRefused);
    expect((error as EvidenceTypeRefused).reason).toBe('not-allowed');
    expect(target.opened()).toBe(false);
  });

  it('given a file past the limit in a long request, when read, then it is refused and the rest of the request is not read', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: PDF, name: 'a.pdf', type: 'application/pdf' } }),
    );
    // The same form with a file of 64 MiB, sent as it is produced.
    const boundary = contentType.split('boundary=')[1]!;
    const headerEnd = body.indexOf('\r\n\r\n') + 4;
    let produced = 0;
    async function* longRequest(): AsyncGenerator<Buffer> {
      yield body.subarray(0, headerEnd);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      PDF.copy(chunk);
      for (let sent = 0; sent < 64 * 1024 * 1024; sent += chunk.length) {
        produced += chunk.length;
        yield chunk;
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }

    const error = await refusalOf(
      readEvidenceForm(requestOf(longRequest(), contentType), memoryTarget(256 * 1024)),
    );

    expect(error).toBeInstanceOf(EvidenceTooLarge);
    expect(produced).toBeLessThan(2 * 1024 * 1024);
  });

  it('given a JSON body, when read, then it is refused as not multipart', async () => {
    const error = await refusalOf(
      readEvidenceForm(requestOf([Buffer.from('{}')], 'application/json'), memoryTarget()),
    );

    expect(error).toBeInstanceOf(EvidenceRequestNotMultipart);
  });

  it('given a form cut off in the middle of its file, when read, then it is refused as incomplete', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: PDF, name: 'a.pdf', type: 'application/pdf' } }),
    );

    const error = await refusalOf(
      readEvidenceForm(requestOf([body.subarray(0, body.length - 500)], contentType), memoryTarget()),
    );

    expect((error as EvidenceFormInvalid).issues).toEqual([
      { field: '(body)', message: 'is not a complete multipart form' },
    ]);
  });
});
