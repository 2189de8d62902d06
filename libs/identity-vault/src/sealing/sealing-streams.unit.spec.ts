import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SealedValueError } from '../errors/identity-vault.errors';
import { sealingContext } from './sealing-context';
import { createOpeningTransform, createSealingTransform, SEALED_STREAM_OVERHEAD } from './sealing-streams';

/** Runs `chunks` through `transform` and collects what comes out. */
async function through(transform: Transform, chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), transform, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return Buffer.concat(out);
}

/** `data` cut into pieces of `size` bytes. */
function pieces(data: Buffer, size: number): Buffer[] {
  const result: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += size)
    result.push(data.subarray(offset, offset + size));
  return result;
}

describe('sealed streams', () => {
  const key = createSecretKey(randomBytes(32));
  const caseId = randomUUID();
  const attachment = sealingContext(caseId, 'attachment/1');
  const data = randomBytes(100_000);

  const seal = (input: Buffer, chunkSize = 8_192, context = attachment) =>
    through(createSealingTransform(key, context), pieces(input, chunkSize));
  const open = (sealed: Buffer, chunkSize = 8_192, context = attachment) =>
    through(createOpeningTransform(key, context), pieces(sealed, chunkSize));

  it('given data sealed as a stream, when it is opened in chunks of any size, then the same bytes come back', async () => {
    const sealed = await seal(data);

    expect(sealed).toHaveLength(data.length + SEALED_STREAM_OVERHEAD);
    expect(sealed.subarray(0, 4).toString('ascii')).toBe('rvs1');
    for (const size of [1, 7, 16, 17, 4_096, sealed.length]) {
      expect((await open(sealed, size)).equals(data)).toBe(true);
    }
  });

  it('given an empty stream, when it is sealed and opened, then nothing comes back and nothing fails', async () => {
    const sealed = await seal(Buffer.alloc(0));

    expect(sealed).toHaveLength(SEALED_STREAM_OVERHEAD);
    expect(await open(sealed)).toHaveLength(0);
  });

  it('given a sealed stream with one byte changed anywhere, when it is opened, then it fails with SealedValueError', async () => {
    const sealed = await seal(data);

    for (const position of [0, 5, 20, 50_000, sealed.length - 17, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[position] = tampered[position]! ^ 0x01;
      await expect(open(tampered)).rejects.toBeInstanceOf(SealedValueError);
    }
  });

  it('given a sealed stream cut short, when it is opened, then it fails at its end', async () => {
    const sealed = await seal(data);

    for (const length of [0, 10, 31, sealed.length - 16, sealed.length - 1]) {
      await expect(open(sealed.subarray(0, length))).rejects.toThrow(SealedValueError);
    }
  });

  it('given a stream sealed for one case and field, when it is opened for another, then it fails naming only ids', async () => {
    const sealed = await seal(data);

    await expect(open(sealed, 8_192, sealingContext(caseId, 'attachment/2'))).rejects.toThrow(
      `A sealed value of case ${caseId} (field attachment/2) does not open`,
    );
    await expect(open(sealed, 8_192, sealingContext(randomUUID(), 'attachment/1'))).rejects.toThrow(
      SealedValueError,
    );
  });

  it('given a large sealed stream, when it is opened, then plaintext flows out before the last sealed bytes go in', async () => {
    const sealed = await seal(data);
    const opening = createOpeningTransform(key, attachment);
    let received = 0;
    opening.on('data', (chunk: Buffer) => (received += chunk.length));

    opening.write(sealed.subarray(0, sealed.length / 2));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(received).toBeGreaterThan(0);

    opening.end(sealed.subarray(sealed.length / 2));
    await new Promise<void>((resolve, reject) => opening.on('end', resolve).on('error', reject));
    expect(received).toBe(data.length);
  });
});
