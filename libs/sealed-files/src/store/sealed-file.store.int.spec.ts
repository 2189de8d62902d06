import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SealedFileIntegrityError, SealedFileMissing } from '../errors/sealed-file.errors';
import { SealedFileStore, type SealedFileStages } from './sealed-file.store';

/** Everything the stages let out, in order. */
async function drain(stages: SealedFileStages): Promise<Buffer> {
  const received: Buffer[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      received.push(chunk);
      done();
    },
  });
  await pipeline([...stages, sink]);
  return Buffer.concat(received);
}

describe('SealedFileStore (sealed files on disk, one per id)', () => {
  let root: string;
  let store: SealedFileStore;
  const content = Buffer.from('sealed bytes, as the vault wrote them');
  const recorded = { size: content.length, sha256: createHash('sha256').update(content).digest('hex') };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sealed-files-'));
    store = new SealedFileStore(join(root, 'files'));
    await store.prepare();
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('given a directory prepared, when looked at, then only its owner may enter it', async () => {
    expect((await stat(store.directory)).mode & 0o777).toBe(0o700);
  });

  it('given a file written and committed, when received, then it is kept under its id alone, mode 600', async () => {
    const id = randomUUID();

    const result = await store.receive(id, {
      write: (openDestination) => pipeline(Readable.from([content]), openDestination()).then(() => 'written'),
      commit: async (written) => `${written} and recorded`,
      removalFailed: () => undefined,
    });

    expect(result).toBe('written and recorded');
    expect(await readdir(store.directory)).toEqual([id]);
    expect((await stat(store.pathOf(id))).mode & 0o777).toBe(0o600);
    expect((await readFile(store.pathOf(id))).equals(content)).toBe(true);
  });

  it('given a commit that fails, when received, then the file is removed and the failure passed on', async () => {
    const id = randomUUID();

    const received = store.receive(id, {
      write: (openDestination) => pipeline(Readable.from([content]), openDestination()),
      commit: () => Promise.reject(new Error('the case was erased meanwhile')),
      removalFailed: () => undefined,
    });

    await expect(received).rejects.toThrow('the case was erased meanwhile');
    expect(await readdir(store.directory)).toEqual([]);
  });

  it('given a write that fails halfway, when received, then its partial file is removed', async () => {
    const id = randomUUID();

    const received = store.receive(id, {
      write: async (openDestination) => {
        const destination = openDestination();
        await new Promise<void>((resolve) => destination.write(content, () => resolve()));
        await new Promise<void>((resolve) => destination.end(() => resolve()));
        throw new Error('the upload was refused');
      },
      commit: async () => undefined,
      removalFailed: () => undefined,
    });

    await expect(received).rejects.toThrow('the upload was refused');
    expect(await readdir(store.directory)).toEqual([]);
  });

  it('given a kept file, when opened checked, then its bytes pass the opening stream and the check', async () => {
    const id = randomUUID();
    await writeFile(store.pathOf(id), content);

    expect((await drain(await store.openChecked(id, new PassThrough(), recorded))).equals(content)).toBe(
      true,
    );
  });

  it('given a kept file altered on disk, when opened checked and read, then it fails its integrity check', async () => {
    const id = randomUUID();
    await writeFile(store.pathOf(id), Buffer.from(content).fill(0x41, 0, 1));

    await expect(drain(await store.openChecked(id, new PassThrough(), recorded))).rejects.toThrow(
      SealedFileIntegrityError,
    );
  });

  it('given no file for the id, when opened checked, then it is missing', async () => {
    const id = randomUUID();

    await expect(store.openChecked(id, new PassThrough(), recorded)).rejects.toEqual(
      new SealedFileMissing(id),
    );
    expect(await store.openSealed(id)).toBeUndefined();
  });

  it('given an id that is not a lower-case UUID, when used, then it never becomes a path', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(TypeError);
    expect(() => store.createPartial(randomUUID().toUpperCase())).toThrow(TypeError);
  });
});
