import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { closeServiceDatabase, inTransaction } from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { SealedValueError } from '../errors/identity-vault.errors';
import { SEALED_STREAM_OVERHEAD } from '../sealing/sealing-streams';
import { IdentityVault } from './identity-vault';
import { garbageCollector, openVaultDataSource, testKeyProvider } from './identity-vault.test-support';

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** Memory this process holds on to: the V8 heap and the buffers outside it. */
const retained = (): number => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

describe('sealed streams of large attachments', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let vault: IdentityVault;
  let directory: string;
  const gc = garbageCollector();

  beforeAll(async () => {
    database = await createTestDatabase('identity_vault_streams');
    dataSource = await openVaultDataSource(database.url, 'vault', 2);
    vault = new IdentityVault({ dataSource, keyProvider: testKeyProvider() });
    directory = mkdtempSync(join(tmpdir(), 'identity-vault-streams-'));
  });

  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    if (dataSource) await closeServiceDatabase(dataSource);
    await database?.drop();
  });

  /**
   * Retained memory while a stream runs: measured after a full collection every `every` chunks,
   * from the first measurement (the pipeline set up and flowing) to the highest.
   */
  // A full collection costs more as the test worker's heap grows with the files it ran before:
  // every 64 chunks (4 MB of a 20 MB stream) still shows a stream holding back a quarter of it.
  function memoryProbe(every = 64): { sample: () => Promise<void>; peakGrowth: () => number } {
    let baseline: number | undefined;
    let peak = 0;
    let calls = 0;
    return {
      sample: async () => {
        calls += 1;
        if (calls % every !== 0) return;
        gc();
        // Buffers' memory is released by a sweeper after the collection: let it run first.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const now = retained();
        baseline ??= now;
        peak = Math.max(peak, now);
      },
      peakGrowth: () => {
        if (baseline === undefined) throw new Error('the stream was too short to measure');
        return peak - baseline;
      },
    };
  }

  /** A pass-through stage of a pipeline that measures memory as chunks go by. */
  const measuredBy = (probe: ReturnType<typeof memoryProbe>, onChunk: (bytes: number) => void) =>
    async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of chunks) {
        onChunk(chunk.length);
        await probe.sample();
        yield chunk;
      }
    };

  /**
   * Bytes a stream holds back: what went into it minus what came out, at its highest. Unlike the
   * heap, this does not depend on what else the test worker holds, so it is the strict measure.
   */
  function heldBack(): {
    entered: (bytes: number) => void;
    left: (bytes: number) => void;
    peak: () => number;
  } {
    let entered = 0;
    let left = 0;
    let peak = 0;
    return {
      entered: (bytes) => {
        entered += bytes;
        peak = Math.max(peak, entered - left);
      },
      left: (bytes) => {
        left += bytes;
      },
      peak: () => peak,
    };
  }

  it('given a 20 MB attachment, when it is sealed to a file and opened back as streams, then the bytes match and memory stays far below its size', async () => {
    const caseId = randomUUID();
    const field = `attachment/${randomUUID()}`;
    const size = 20 * MB;
    const sealedFile = join(directory, 'attachment.sealed');
    const written = createHash('sha256');
    const read = createHash('sha256');

    // Memory is measured where bytes enter each pipeline and where they leave it, so that a
    // stream holding back what it was given shows, wherever it holds it.
    const sealingMemory = memoryProbe();
    const sealingHeld = heldBack();
    async function* attachment(): AsyncGenerator<Buffer> {
      for (let sent = 0; sent < size; sent += CHUNK) {
        const chunk = randomBytes(CHUNK);
        written.update(chunk);
        sealingHeld.entered(chunk.length);
        await sealingMemory.sample();
        yield chunk;
      }
    }
    await inTransaction(dataSource, async (manager) =>
      pipeline(
        Readable.from(attachment()),
        await vault.createSealingStream(manager, caseId, field),
        measuredBy(sealingMemory, sealingHeld.left),
        createWriteStream(sealedFile),
      ),
    );

    const openingMemory = memoryProbe();
    const openingHeld = heldBack();
    let received = 0;
    await inTransaction(dataSource, async (manager) =>
      pipeline(
        createReadStream(sealedFile),
        measuredBy(openingMemory, openingHeld.entered),
        await vault.createOpeningStream(manager, caseId, field),
        measuredBy(openingMemory, openingHeld.left),
        async (plaintext: AsyncIterable<Buffer>) => {
          for await (const chunk of plaintext) {
            read.update(chunk);
            received += chunk.length;
          }
        },
      ),
    );

    expect(statSync(sealedFile).size).toBe(size + SEALED_STREAM_OVERHEAD);
    expect(received).toBe(size);
    expect(read.digest('hex')).toBe(written.digest('hex'));
    // The streams hold back at most a few of their buffers, never a share of the attachment.
    expect(sealingHeld.peak()).toBeLessThan(MB);
    expect(openingHeld.peak()).toBeLessThan(MB);
    // The heap also holds what the test worker ran before, and its growth varies by a few MB from
    // run to run: half the attachment still tells a stream that keeps what passes through it.
    expect(sealingMemory.peakGrowth()).toBeLessThan(size / 2);
    expect(openingMemory.peakGrowth()).toBeLessThan(size / 2);
  });

  it('given a sealed attachment file with one byte changed, when it is opened as a stream, then the stream fails at its end', async () => {
    const caseId = randomUUID();
    const data = randomBytes(3 * MB);
    const sealedFile = join(directory, 'tampered.sealed');
    await inTransaction(dataSource, async (manager) =>
      pipeline(
        Readable.from([data]),
        await vault.createSealingStream(manager, caseId, 'attachment/1'),
        createWriteStream(sealedFile),
      ),
    );
    // Flip every bit of one byte: writing a fixed value would change nothing when the byte held it.
    const file = await open(sealedFile, 'r+');
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, MB);
    await file.write(Buffer.of(byte[0]! ^ 0xff), 0, 1, MB);
    await file.close();

    const opening = inTransaction(dataSource, async (manager) =>
      pipeline(
        createReadStream(sealedFile),
        await vault.createOpeningStream(manager, caseId, 'attachment/1'),
        new Writable({ write: (_chunk, _encoding, done) => done() }),
      ),
    );

    await expect(opening).rejects.toBeInstanceOf(SealedValueError);
  });
});
