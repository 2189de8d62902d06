import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The pid of the process that started the server, kept next to postmaster.pid. It tells a server
 * abandoned by a killed process (owner gone) from one another live process is using.
 */
const OWNER_FILE = 'embedded-owner.pid';

export async function ownerOf(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(join(dataDir, OWNER_FILE), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function claimOwnership(dataDir: string): Promise<void> {
  await writeFile(join(dataDir, OWNER_FILE), `${process.pid}\n`);
}

export async function releaseOwnership(dataDir: string): Promise<void> {
  await rm(join(dataDir, OWNER_FILE), { force: true });
}
