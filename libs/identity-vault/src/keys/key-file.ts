import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KEY_BYTES } from './key-provider';

/** 32 bytes in standard base64, as `openssl rand -base64 32` prints them. */
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The key-encryption key in a key file: one line, 32 random bytes in base64. The file must be a
 * regular file that neither its group nor others may read or write (mode 600 or 400). Errors say
 * what is wrong, never what the file holds.
 */
export function readKeyFile(path: string): Buffer {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${path} does not exist`);
    throw new Error(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!stats.isFile()) throw new Error(`${path} is not a file`);
  if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
    throw new Error(`${path} may be read by other accounts: chmod 600 it`);
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!BASE64_KEY.test(text)) {
    throw new Error(
      `${path} must hold ${KEY_BYTES} random bytes in base64 (openssl rand -base64 ${KEY_BYTES})`,
    );
  }
  return Buffer.from(text, 'base64');
}

/**
 * Creates a key file with a new random key, mode 600 (its directory 700), unless one exists.
 * Safe when several processes start at once: the key is written to a temporary file that is
 * then hard-linked into place, which fails when another process got there first, so every
 * process reads the same, complete key. Returns whether this call created it.
 */
export function createKeyFileIfMissing(path: string): boolean {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(temporary, 0o600);
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}
