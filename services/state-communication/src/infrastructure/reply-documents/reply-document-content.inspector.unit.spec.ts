import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReplyDocumentInspector } from './reply-document-content.inspector';
import { ReplyDocumentTooLarge, ReplyDocumentTypeRefused } from './reply-document.errors';

const MEDIA_TYPES = ['application/pdf', 'image/png'];

function pdf(size: number): Buffer {
  const file = Buffer.alloc(size, 'reply text ', 'utf8');
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1').copy(file);
  return file;
}

async function inspect(
  file: Buffer,
  options: { maxBytes?: number; chunk?: number } = {},
): Promise<{ inspector: ReplyDocumentInspector; out: Buffer; error?: unknown }> {
  const inspector = new ReplyDocumentInspector({
    maxBytes: options.maxBytes ?? 1024 * 1024,
    mediaTypes: MEDIA_TYPES,
  });
  const chunk = options.chunk ?? 16 * 1024;
  const chunks = Array.from({ length: Math.ceil(file.length / chunk) }, (_, index) =>
    file.subarray(index * chunk, (index + 1) * chunk),
  );
  const received: Buffer[] = [];
  const sink = new Writable({
    write: (data: Buffer, _encoding, done) => {
      received.push(data);
      done();
    },
  });
  try {
    await pipeline(Readable.from(chunks), inspector, sink);
    return { inspector, out: Buffer.concat(received) };
  } catch (error) {
    return { inspector, out: Buffer.concat(received), error };
  }
}

describe('ReplyDocumentInspector (a reply document read on its way to be sealed)', () => {
  it('given a PDF larger than the sample, when it streams through, then every byte comes out, typed by its content and hashed', async () => {
    const file = pdf(200 * 1024);

    const { inspector, out, error } = await inspect(file);

    expect(error).toBeUndefined();
    expect(out.equals(file)).toBe(true);
    expect(inspector.mediaType).toBe('application/pdf');
    expect(inspector.size).toBe(file.length);
    expect(inspector.sha256).toBe(createHash('sha256').update(file).digest('hex'));
  });

  it('given a PDF smaller than the sample, when it ends, then it is judged then', async () => {
    const file = pdf(3000);

    const { inspector, out } = await inspect(file);

    expect(out.equals(file)).toBe(true);
    expect(inspector.mediaType).toBe('application/pdf');
  });

  it('given an executable or plain text, when it streams through, then it is refused and nothing of it comes out', async () => {
    const executable = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(100 * 1024, 1)]);
    const text = Buffer.from('The Permanent Mission has the honour to reply.\n'.repeat(100));

    for (const file of [executable, text]) {
      const { out, error } = await inspect(file);

      expect(error).toBeInstanceOf(ReplyDocumentTypeRefused);
      expect(out.length).toBe(0);
    }
  });

  it('given a file past the limit, when it streams through, then it fails at the limit', async () => {
    const { error } = await inspect(pdf(300 * 1024), { maxBytes: 256 * 1024 });

    expect(error).toBeInstanceOf(ReplyDocumentTooLarge);
    expect((error as Error).message).toBe(`A reply document is at most ${256 * 1024} bytes`);
  });
});
