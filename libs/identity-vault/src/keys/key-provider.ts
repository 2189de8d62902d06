/**
 * The key-encryption key (KEK): it wraps each case's data key and never leaves its holder.
 * The vault stores only wrapped data keys, each with the id of the KEK that wrapped it.
 *
 * A KMS adapter plugs in by implementing this interface, and nothing else changes:
 * - `keyId`: the KMS key's name or ARN (stored in `case_data_key.kek_id`, at most 200 characters);
 * - `wrap`: the KMS Encrypt call on the 32-byte data key, with `context` as its encryption
 *   context / additional authenticated data, returning the ciphertext blob as it is;
 * - `unwrap`: the KMS Decrypt call with the same context. It must reject (never return other
 *   bytes) when the blob or the context differ.
 * Register it as `IdentityVaultModule.forService({ ..., keyProvider })` or
 * `new IdentityVault({ ..., keyProvider })`, and give it a value of IDENTITY_KEY_PROVIDER in
 * `keyProviderFromEnvironment` so that configuration can select it. Calls are made once per case
 * on a cache miss, so a network round trip is acceptable.
 */
export interface KeyProvider {
  /** Id of the KEK that wraps new data keys; recorded with each wrapped key. */
  readonly keyId: string;
  /** The data key encrypted under the KEK, bound to `context` (the case id). */
  wrap(dataKey: Buffer, context: string): Promise<Buffer>;
  /** The data key back; rejects when `wrapped` was altered or `context` is not the one it was wrapped with. */
  unwrap(wrapped: Buffer, context: string): Promise<Buffer>;
}

/** Length of a data key and of the local KEK: AES-256. */
export const KEY_BYTES = 32;
