import { randomBytes, randomUUID } from 'node:crypto';
import { LocalKeyFileProvider } from './local-key-file.provider';

describe('the local key-encryption key', () => {
  const kek = randomBytes(32);
  const provider = new LocalKeyFileProvider(kek);
  const caseId = randomUUID();

  it('given a data key wrapped for a case, when it is unwrapped for the same case, then the same key comes back', async () => {
    const dataKey = randomBytes(32);

    const wrapped = await provider.wrap(dataKey, caseId);

    expect(wrapped).toHaveLength(61);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect((await provider.unwrap(wrapped, caseId)).equals(dataKey)).toBe(true);
    expect((await new LocalKeyFileProvider(Buffer.from(kek)).unwrap(wrapped, caseId)).equals(dataKey)).toBe(
      true,
    );
  });

  it('given the same data key wrapped twice, when the results are compared, then they differ', async () => {
    const dataKey = randomBytes(32);

    expect((await provider.wrap(dataKey, caseId)).equals(await provider.wrap(dataKey, caseId))).toBe(false);
  });

  it('given a wrapped key, when it is unwrapped for another case, altered, or under another KEK, then it is refused', async () => {
    const wrapped = await provider.wrap(randomBytes(32), caseId);
    const altered = Buffer.from(wrapped);
    altered[40] = altered[40]! ^ 0x80;

    await expect(provider.unwrap(wrapped, randomUUID())).rejects.toThrow(
      `The wrapped data key does not open under ${provider.keyId} for this case`,
    );
    await expect(provider.unwrap(altered, caseId)).rejects.toThrow('does not open');
    await expect(provider.unwrap(wrapped.subarray(0, 60), caseId)).rejects.toThrow(
      'Not a data key wrapped by a local key-encryption key',
    );
    await expect(new LocalKeyFileProvider(randomBytes(32)).unwrap(wrapped, caseId)).rejects.toThrow(
      'does not open',
    );
  });

  it('given a KEK, when its id is read, then it is derived from the key: stable for it, different for another', () => {
    expect(provider.keyId).toMatch(/^local-[0-9a-f]{16}$/);
    expect(new LocalKeyFileProvider(Buffer.from(kek)).keyId).toBe(provider.keyId);
    expect(new LocalKeyFileProvider(randomBytes(32)).keyId).not.toBe(provider.keyId);
    expect(provider.keyId).not.toContain(kek.toString('hex').slice(0, 16));
  });

  it('given a KEK that is not 32 bytes, or a data key that is not, when used, then it is refused', async () => {
    expect(() => new LocalKeyFileProvider(randomBytes(16))).toThrow('A local key-encryption key is 32 bytes');
    await expect(provider.wrap(randomBytes(16), caseId)).rejects.toThrow('A data key is 32 bytes');
  });
});
