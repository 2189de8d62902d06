import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable, Writable } from 'node:stream';
import { declaredTypeBorneOutByContent, typeReadFromContent } from '../content/content.policy';
import {
  SealedFileFormInvalid,
  SealedFileRequestNotMultipart,
  SealedFileTooLarge,
  SealedFileTypeRefused,
} from '../errors/sealed-file.errors';
import { readSealedFileForm, type SealedFileFormTarget } from './sealed-file-form.reader';

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n' + ' '.repeat(2000), 'latin1');
const ACCEPTED = ['application/pdf', 'image/png', 'text/plain'];

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

type Part = string | { data: Buffer; name: string; type: string };

function formWith(parts: Record<string, Part> | [string, Part][]): FormData {
  const form = new FormData();
  for (const [name, value] of Array.isArray(parts) ? parts : Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.data)], { type: value.type }), value.name);
  }
  return form;
}

/**
 * A target writing the "sealed" bytes (here: as they are) to memory: a declared type borne out by
 * the content, and a `description` of at most 20 characters, unless told otherwise.
 */
function memoryTarget(
  options: Partial<Pick<SealedFileFormTarget, 'maxBytes' | 'content' | 'textParts'>> = {},
): SealedFileFormTarget & { written: () => Buffer; opened: () => boolean } {
  const chunks: Buffer[] = [];
  let opened = false;
  return {
    maxBytes: options.maxBytes ?? 1024 * 1024,
    content: options.content ?? declaredTypeBorneOutByContent(ACCEPTED),
    textParts: options.textParts ?? { description: { maxCharacters: 20 } },
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

describe('readSealedFileForm (a multipart upload, as it arrives)', () => {
  it('given a file with a non-ASCII name and a description, when read, then the file streams to the target and both come back', async () => {
    const { body, contentType } = await encoded(
      formWith({
        description: '  Scan of the summons  ',
        file: { data: PDF, name: 'Témoignage – Ayşe «2026».pdf', type: 'application/pdf' },
      }),
    );
    const target = memoryTarget();

    const form = await readSealedFileForm(requestOf([body], contentType), target);

    expect(form).toEqual({
      filename: 'Témoignage – Ayşe «2026».pdf',
      texts: { description: 'Scan of the summons' },
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(target.written().equals(PDF)).toBe(true);
  });

  it('given a blank description, when read, then it is not given', async () => {
    const { body, contentType } = await encoded(
      formWith({ description: '   ', file: { data: PDF, name: 'a.pdf', type: 'application/pdf' } }),
    );

    const form = await readSealedFileForm(requestOf([body], contentType), memoryTarget());

    expect(form.texts).toEqual({});
  });

  it('given no file part and two unknown parts, when read, then every offending field is named', async () => {
    const { body, contentType } = await encoded(formWith({ colour: 'blue', victimName: 'must not matter' }));

    const error = await refusalOf(readSealedFileForm(requestOf([body], contentType), memoryTarget()));

    expect(error).toBeInstanceOf(SealedFileFormInvalid);
    expect((error as SealedFileFormInvalid).issues).toEqual([
      { field: 'colour', message: 'is not a known field' },
      { field: 'victimName', message: 'is not a known field' },
      { field: 'file', message: 'is required' },
    ]);
  });

  it('given a description too long, given twice, and a file sent as text, when read, then each fault is named', async () => {
    const { body, contentType } = await encoded(
      formWith([
        ['description', 'x'.repeat(21)],
        ['description', 'again'],
        ['file', 'not a file'],
      ]),
    );

    const error = await refusalOf(readSealedFileForm(requestOf([body], contentType), memoryTarget()));

    expect((error as SealedFileFormInvalid).issues).toEqual([
      { field: 'description', message: 'must be at most 20 characters' },
      { field: 'description', message: 'must be given once' },
      { field: 'file', message: 'must be a file (a part with a file name)' },
      { field: 'file', message: 'is required' },
    ]);
  });

  it('given a form of a target without text parts, when a description comes, then it is an unknown field', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: PDF, name: 'a.pdf', type: 'application/pdf' }, description: 'x' }),
    );

    const error = await refusalOf(
      readSealedFileForm(requestOf([body], contentType), memoryTarget({ textParts: {} })),
    );

    expect((error as SealedFileFormInvalid).issues).toEqual([
      { field: 'description', message: 'is not a known field' },
    ]);
  });

  it('given an unknown field before the file, when read, then it is refused before the file is written', async () => {
    const { body, contentType } = await encoded(
      formWith({ note: 'x', file: { data: PDF, name: 'a.pdf', type: 'application/pdf' } }),
    );
    const target = memoryTarget();

    const error = await refusalOf(readSealedFileForm(requestOf([body], contentType), target));

    expect((error as SealedFileFormInvalid).issues).toEqual([
      { field: 'note', message: 'is not a known field' },
    ]);
    expect(target.opened()).toBe(false);
  });

  it('given a file name too long, when read, then the file part is named without repeating the name', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: PDF, name: `${'é'.repeat(252)}.pdf`, type: 'application/pdf' } }),
    );

    const error = await refusalOf(readSealedFileForm(requestOf([body], contentType), memoryTarget()));

    expect((error as SealedFileFormInvalid).issues).toEqual([
      { field: 'file', message: 'must have a file name of at most 255 characters' },
    ]);
  });

  it('given an empty file, when read, then it is refused as empty', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: Buffer.alloc(0), name: 'empty.pdf', type: 'application/pdf' } }),
    );

    const error = await refusalOf(readSealedFileForm(requestOf([body], contentType), memoryTarget()));

    expect((error as SealedFileFormInvalid).issues).toEqual([{ field: 'file', message: 'is empty' }]);
  });

  it('given a declared type outside the allow-list, when read, then it is refused before anything is written', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: Buffer.from('PK\x03\x04'), name: 'a.zip', type: 'application/zip' } }),
    );
    const target = memoryTarget();

    const error = await refusalOf(readSealedFileForm(requestOf([body], contentType), target));

    expect(error).toBeInstanceOf(SealedFileTypeRefused);
    expect((error as SealedFileTypeRefused).reason).toBe('not-allowed');
    expect(target.opened()).toBe(false);
  });

  it('given a PDF declared as a zip while the content alone decides, when read, then it is kept as a PDF', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: PDF, name: 'reply.pdf', type: 'application/zip' } }),
    );

    const form = await readSealedFileForm(
      requestOf([body], contentType),
      memoryTarget({ content: typeReadFromContent(['application/pdf']), textParts: {} }),
    );

    expect(form.contentType).toBe('application/pdf');
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
      readSealedFileForm(requestOf(longRequest(), contentType), memoryTarget({ maxBytes: 256 * 1024 })),
    );

    expect(error).toBeInstanceOf(SealedFileTooLarge);
    expect(produced).toBeLessThan(2 * 1024 * 1024);
  });

  it('given a JSON body, when read, then it is refused as not multipart', async () => {
    const error = await refusalOf(
      readSealedFileForm(requestOf([Buffer.from('{}')], 'application/json'), memoryTarget()),
    );

    expect(error).toBeInstanceOf(SealedFileRequestNotMultipart);
  });

  it('given a form cut off in the middle of its file, when read, then it is refused as incomplete', async () => {
    const { body, contentType } = await encoded(
      formWith({ file: { data: PDF, name: 'a.pdf', type: 'application/pdf' } }),
    );

    const error = await refusalOf(
      readSealedFileForm(requestOf([body.subarray(0, body.length - 500)], contentType), memoryTarget()),
    );

    expect((error as SealedFileFormInvalid).issues).toEqual([
      { field: '(body)', message: 'is not a complete multipart form' },
    ]);
  });
});
