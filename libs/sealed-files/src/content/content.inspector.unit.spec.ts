import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { SealedFileTooLarge, SealedFileTypeRefused } from '../errors/sealed-file.errors';
import { ContentInspector } from './content.inspector';
import { declaredTypeBorneOutByContent, typeReadFromContent, type ContentPolicy } from './content.policy';

const DOCUMENTS_IMAGES_AUDIO_TEXT = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'audio/mpeg',
  'audio/wav',
  'text/plain',
];
const KB = 1024;

const pdf = (size: number) =>
  padded(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), size);
const windowsExecutable = (size: number) =>
  padded(Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0])]), size);
/** An MPEG-1 layer III frame header, as an MP3 without an ID3 tag starts. */
const mp3 = (size: number) => padded(Buffer.from([0xff, 0xfb, 0x90, 0x64]), size);

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function padded(head: Buffer, size: number): Buffer {
  const file = Buffer.alloc(size, 0x20);
  head.copy(file);
  return file;
}

function chunksOf(data: Buffer, size = 16 * KB): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length; at += size) chunks.push(data.subarray(at, at + size));
  return chunks;
}

/** Runs the chunks through an inspector; what came out, and the inspector. */
async function inspect(
  chunks: Iterable<Buffer> | AsyncIterable<Buffer>,
  declaredType: string,
  options: { maxBytes?: number; content?: ContentPolicy } = {},
): Promise<{ output: Buffer; inspector: ContentInspector; error?: unknown }> {
  const inspector = new ContentInspector({
    declaredType,
    maxBytes: options.maxBytes ?? 10 * 1024 * KB,
    content: options.content ?? declaredTypeBorneOutByContent(DOCUMENTS_IMAGES_AUDIO_TEXT),
  });
  const received: Buffer[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      received.push(chunk);
      done();
    },
  });
  try {
    await pipeline(Readable.from(chunks), inspector, sink);
    return { output: Buffer.concat(received), inspector };
  } catch (error) {
    return { output: Buffer.concat(received), inspector, error };
  }
}

describe('ContentInspector (what a file is, as it streams)', () => {
  describe('with a declared type borne out by the content', () => {
    it('given a PDF larger than the sample, when inspected, then every byte passes in order, typed application/pdf, with its size and SHA-256', async () => {
      const file = pdf(200 * KB);

      const { output, inspector, error } = await inspect(chunksOf(file), 'application/pdf');

      expect(error).toBeUndefined();
      expect(output.equals(file)).toBe(true);
      expect(inspector.contentType).toBe('application/pdf');
      expect(inspector.size).toBe(file.length);
      expect(inspector.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    });

    it('given a small PNG (shorter than the sample), when inspected, then it is judged at its end and passes whole', async () => {
      const file = png();

      const { output, inspector } = await inspect([file], 'image/png');

      expect(output.equals(file)).toBe(true);
      expect(inspector.contentType).toBe('image/png');
    });

    it('given a Windows executable declared as a PDF, when inspected, then it is refused as a mismatch and no byte passes', async () => {
      const { output, error } = await inspect(chunksOf(windowsExecutable(300 * KB)), 'application/pdf');

      expect(error).toBeInstanceOf(SealedFileTypeRefused);
      expect((error as SealedFileTypeRefused).reason).toBe('mismatch');
      expect((error as Error).message).toBe('The file’s content does not match its declared type');
      expect(output.length).toBe(0);
    });

    it('given a PDF declared as a PNG, when inspected, then it is refused as a mismatch', async () => {
      const { error } = await inspect([pdf(2 * KB)], 'image/png');

      expect((error as SealedFileTypeRefused).reason).toBe('mismatch');
    });

    it('given a PNG while the allow-list holds PDFs only, when inspected, then its type is refused as not allowed, the accepted types named', async () => {
      const { error } = await inspect([png()], 'image/png', {
        content: declaredTypeBorneOutByContent(['application/pdf']),
      });

      expect((error as SealedFileTypeRefused).reason).toBe('not-allowed');
      expect((error as Error).message).toBe(
        'The file’s type is not accepted; accepted types: application/pdf',
      );
    });

    it('given UTF-8 text declared as text/plain, when inspected, then it is accepted, the declared charset dropped', async () => {
      const text = Buffer.from('Témoignage recueilli à Genève — 証言\n'.repeat(100), 'utf8');

      const { output, inspector } = await inspect(chunksOf(text, 1000), 'text/plain; charset=utf-8');

      expect(output.equals(text)).toBe(true);
      expect(inspector.contentType).toBe('text/plain');
    });

    it('given binary bytes declared as text/plain, when inspected, then they are refused (text has no magic number, so it must be UTF-8 without NUL)', async () => {
      const { error } = await inspect([Buffer.from([0x41, 0x00, 0xff, 0xfe, 0x42])], 'text/plain');

      expect((error as SealedFileTypeRefused).reason).toBe('mismatch');
    });

    it('given an MP3 declared as audio/mp3, when inspected, then it is kept as audio/mpeg', async () => {
      const { inspector, error } = await inspect([mp3(8 * KB)], 'audio/mp3');

      expect(error).toBeUndefined();
      expect(inspector.contentType).toBe('audio/mpeg');
    });
  });

  describe('with the type read from the content alone', () => {
    const pdfOrPng = typeReadFromContent(['application/pdf', 'image/png']);

    it('given a PDF declared as anything, when inspected, then it is typed by its content', async () => {
      const file = pdf(3000);

      const { output, inspector, error } = await inspect([file], 'application/octet-stream', {
        content: pdfOrPng,
      });

      expect(error).toBeUndefined();
      expect(output.equals(file)).toBe(true);
      expect(inspector.contentType).toBe('application/pdf');
    });

    it('given an executable or plain text, when inspected, then it is refused, the accepted types named, and nothing of it passes', async () => {
      const executable = windowsExecutable(100 * KB);
      const text = Buffer.from('The Permanent Mission has the honour to reply.\n'.repeat(100));

      for (const [file, declared] of [
        [executable, 'application/pdf'],
        [text, 'text/plain'],
      ] as const) {
        const { output, error } = await inspect(chunksOf(file), declared, { content: pdfOrPng });

        expect(error).toBeInstanceOf(SealedFileTypeRefused);
        expect((error as SealedFileTypeRefused).reason).toBe('content-not-allowed');
        expect((error as Error).message).toBe(
          'The file’s content is not of an accepted type; accepted types: application/pdf, image/png',
        );
        expect(output.length).toBe(0);
      }
    });
  });

  describe('the size limit', () => {
    it('given a file one byte over the limit in a long stream, when inspected, then it fails at that byte and reads no further', async () => {
      const maxBytes = 100 * KB;
      let pulled = 0;
      function* endless(): Generator<Buffer> {
        const chunk = pdf(10 * KB);
        for (let sent = 0; sent < 100 * 1024 * KB; sent += chunk.length) {
          pulled += chunk.length;
          yield chunk;
        }
      }

      const { error, inspector } = await inspect(endless(), 'application/pdf', { maxBytes });

      expect(error).toBeInstanceOf(SealedFileTooLarge);
      expect((error as SealedFileTooLarge).maxBytes).toBe(maxBytes);
      expect(inspector.size).toBe(maxBytes);
      // Readable.from reads a little ahead of the inspector; nothing like the 100 MiB offered.
      expect(pulled).toBeLessThan(maxBytes + 100 * KB);
    });

    it('given a file of exactly the limit, when inspected, then it is accepted', async () => {
      const { error, inspector } = await inspect(chunksOf(pdf(100 * KB)), 'application/pdf', {
        maxBytes: 100 * KB,
      });

      expect(error).toBeUndefined();
      expect(inspector.size).toBe(100 * KB);
    });
  });
});
