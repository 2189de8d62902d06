import type { KeyObject } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface DataKeyCacheOptions {
  /** How many unwrapped data keys one vault keeps, least recently used first out. Default 1000; 0 keeps none. */
  maxKeys?: number;
  /** How long a key stays after it was unwrapped, in ms. Default 60 000. */
  ttlMs?: number;
}

export const DEFAULT_DATA_KEY_CACHE = { maxKeys: 1000, ttlMs: 60_000 } as const;

/**
 * Unwrapped data keys of recently used cases, so that sealing and opening a case's values does
 * not unwrap its key each time (a network call with a KMS). Keys are KeyObjects: immutable, so a
 * key evicted while a cipher is being set up with it stays valid for that cipher.
 *
 * The generation counts evictions: a key read from the database is cached only if no eviction
 * happened while it was read and unwrapped, so a destruction that evicts during a slow unwrap
 * cannot be undone by the late arrival of the key it destroyed.
 */
export class DataKeyCache {
  private readonly keys: LRUCache<string, KeyObject> | undefined;
  private evictions = 0;

  constructor(options: DataKeyCacheOptions = {}) {
    const maxKeys = options.maxKeys ?? DEFAULT_DATA_KEY_CACHE.maxKeys;
    const ttlMs = options.ttlMs ?? DEFAULT_DATA_KEY_CACHE.ttlMs;
    if (!Number.isInteger(maxKeys) || maxKeys < 0) throw new Error('maxKeys is a whole number, 0 or more');
    if (!Number.isInteger(ttlMs) || ttlMs < 1)
      throw new Error('ttlMs is a whole number of milliseconds, 1 or more');
    this.keys = maxKeys > 0 ? new LRUCache({ max: maxKeys, ttl: ttlMs }) : undefined;
  }

  get generation(): number {
    return this.evictions;
  }

  get(caseId: string): KeyObject | undefined {
    return this.keys?.get(caseId);
  }

  /** Keeps `key` unless a key was evicted since `generation` was read. */
  set(caseId: string, key: KeyObject, generation: number): void {
    if (generation === this.evictions) this.keys?.set(caseId, key);
  }

  evict(caseId: string): void {
    this.evictions += 1;
    this.keys?.delete(caseId);
  }

  get size(): number {
    return this.keys?.size ?? 0;
  }
}
