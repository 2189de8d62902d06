import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SealedFileIntegrityError } from '../errors/sealed-file.errors';
import { SealedFileChecksumVerifier } from './sealed-file-checksum.verifier';

const FILE_ID = '6f1d3c1e-8d4b-4a43-9a57-1f0f2b3c4d5e';

async function verify(
  chunks: Buffer[],
  expected: { size: number; sha256: string },
): Promise<{ received: number; error?: unknown }> {
  let received = 0;
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      received += chunk.length;
      done();
    },
  });
  try {
    await pipeline(Readable.from(chunks), new SealedFileChecksumVerifier(FILE_ID, expected), sink);
    return { received };
  } catch (error) {
    return { received, error };
  }
}

describe('SealedFileChecksumVerifier (a stored file checked as it leaves)', () => {
  const chunks = Array.from({ length: 8 }, () => randomBytes(4096));
  const file = Buffer.concat(chunks);
  const recorded = { size: file.length, sha256: createHash('sha256').update(file).digest('hex') };

  it('given the file as recorded, when it streams through, then every byte comes out', async () => {
    expect(await verify(chunks, recorded)).toEqual({ received: file.length });
  });

  it('given one byte changed, when it streams through, then it fails and the reader never gets the whole file', async () => {
    const altered = chunks.map((chunk) => Buffer.from(chunk));
    altered[3]!.writeUInt8(altered[3]!.readUInt8(100) ^ 0xff, 100);

    const { received, error } = await verify(altered, recorded);

    expect(error).toBeInstanceOf(SealedFileIntegrityError);
    expect((error as Error).message).toBe(`File ${FILE_ID} failed its integrity check: its checksum differs`);
    expect(received).toBeLessThan(file.length);
  });

  it('given a file cut short, when it streams through, then it fails as shorter than recorded', async () => {
    const { error } = await verify(chunks.slice(0, 7), recorded);

    expect((error as Error).message).toMatch(/shorter than recorded$/);
  });

  it('given a file longer than recorded, when it streams through, then it fails before the surplus comes out', async () => {
    const { received, error } = await verify([...chunks, randomBytes(10)], recorded);

    expect((error as Error).message).toMatch(/longer than recorded$/);
    expect(received).toBeLessThan(file.length);
  });
});
