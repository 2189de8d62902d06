import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { closeServiceDatabase, inTransaction } from '@reprisals/persistence';
import { createTestDatabase, eventually, type TestDatabase } from '@reprisals/testing';
import { CaseKeyDestroyed, DataKeyUnavailableError, SealedValueError } from '../errors/identity-vault.errors';
import type { LocalKeyFileProvider } from '../keys/local-key-file.provider';
import {
  DATA_KEYS_ARE_NEVER_DELETED,
  DESTROYED_KEYS_STAY_DESTROYED,
} from '../migrations/case-data-keys.migration';
import { IdentityVault } from './identity-vault';
import {
  gate,
  openVaultDataSource,
  sessionsWaitingForALock,
  testKeyProvider,
} from './identity-vault.test-support';

interface KeyRow {
  case_id: string;
  wrapped_key: Buffer | null;
  kek_id: string | null;
  created_at: Date;
  destroyed_at: Date | null;
}

describe('the identity vault on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let kek: LocalKeyFileProvider;
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');

  /** A vault as one process has it: its own cache of unwrapped keys. */
  const processVault = () => new IdentityVault({ dataSource, keyProvider: kek, clock });
  let vault: IdentityVault;

  const keyRows = async (caseId: string): Promise<KeyRow[]> =>
    dataSource.query('SELECT * FROM vault.case_data_key WHERE case_id = $1', [caseId]);
  const openIn = (opener: IdentityVault, caseId: string, field: string, sealed: string) =>
    inTransaction(dataSource, (manager) => opener.open(manager, caseId, field, sealed));
  const sealIn = (sealer: IdentityVault, caseId: string, field: string, plaintext: string) =>
    inTransaction(dataSource, (manager) => sealer.seal(manager, caseId, field, plaintext));

  /** Holds a transaction open until the test opens it; opened after each test whatever happened. */
  let held = gate();
  beforeEach(() => {
    held = gate();
  });
  afterEach(() => held.open());

  beforeAll(async () => {
    database = await createTestDatabase('identity_vault');
    dataSource = await openVaultDataSource(database.url, 'vault');
    kek = testKeyProvider();
    vault = processVault();
  });

  afterAll(async () => {
    if (dataSource) await closeServiceDatabase(dataSource);
    await database?.drop();
  });

  it('given a value sealed in one transaction, when it is opened in later ones and by another process, then the plaintext comes back', async () => {
    const caseId = randomUUID();

    const sealed = await sealIn(vault, caseId, 'victim.name', 'Nadia K.');

    expect(await openIn(vault, caseId, 'victim.name', sealed)).toBe('Nadia K.');
    expect(await openIn(processVault(), caseId, 'victim.name', sealed)).toBe('Nadia K.');
    const [row, ...others] = await keyRows(caseId);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ case_id: caseId, kek_id: kek.keyId, destroyed_at: null });
    expect(row!.created_at.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(row!.wrapped_key).toHaveLength(61);
  });

  it('given several values and JSON sealed for one case, when they are opened, then each comes back and the case has one key', async () => {
    const caseId = randomUUID();
    const source = { name: 'R. Said', contact: '+00 000 0000', languages: ['ar', 'fr'] };

    const [name, sealedSource] = await inTransaction(dataSource, async (manager) => [
      await vault.seal(manager, caseId, 'victim.name', 'Nadia K.'),
      await vault.sealJson(manager, caseId, 'source', source),
    ]);

    await inTransaction(dataSource, async (manager) => {
      expect(await vault.open(manager, caseId, 'victim.name', name)).toBe('Nadia K.');
      expect(await vault.openJson(manager, caseId, 'source', sealedSource)).toEqual(source);
      await expect(vault.openJson(manager, caseId, 'victim.name', name)).rejects.toThrow(SealedValueError);
    });
    expect(await keyRows(caseId)).toHaveLength(1);
  });

  it('given values of two cases, when one is opened as the other case, then it fails: each case has its own key', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const sealed = await sealIn(vault, first, 'victim.name', 'Nadia K.');
    await sealIn(vault, second, 'victim.name', 'Other');

    await expect(openIn(vault, second, 'victim.name', sealed)).rejects.toThrow(SealedValueError);
    await expect(openIn(vault, first, 'source.name', sealed)).rejects.toThrow(SealedValueError);
    const [firstRow] = await keyRows(first);
    const [secondRow] = await keyRows(second);
    expect(firstRow!.wrapped_key!.equals(secondRow!.wrapped_key!)).toBe(false);
  });

  it('given a case with no key, when a value is opened for it, then it fails and no key is created', async () => {
    const caseId = randomUUID();
    const sealed = await sealIn(vault, randomUUID(), 'victim.name', 'Nadia K.');

    await expect(openIn(vault, caseId, 'victim.name', sealed)).rejects.toThrow(
      `A sealed value of case ${caseId} (field victim.name) does not open: the case has no data key`,
    );
    expect(await keyRows(caseId)).toEqual([]);
  });

  it('given the first seal of a case in a transaction that rolls back, when the case is sealed again, then the rolled-back key left nothing behind', async () => {
    const caseId = randomUUID();
    let lost = '';

    await expect(
      inTransaction(dataSource, async (manager) => {
        lost = await vault.seal(manager, caseId, 'victim.name', 'first');
        await vault.seal(manager, caseId, 'victim.contact', 'also first');
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');

    expect(await keyRows(caseId)).toEqual([]);
    expect(await inTransaction(dataSource, (manager) => vault.hasKey(manager, caseId))).toBe(false);
    const kept = await sealIn(vault, caseId, 'victim.name', 'second');
    expect(await openIn(vault, caseId, 'victim.name', kept)).toBe('second');
    await expect(openIn(vault, caseId, 'victim.name', lost)).rejects.toThrow(SealedValueError);
  });

  it('given two transactions sealing the first value of a case at once, when both commit, then the case has one key that opens both', async () => {
    const caseId = randomUUID();
    const [first, second] = [processVault(), processVault()];
    let firstSealed = false;

    const firstSeal = inTransaction(dataSource, async (manager) => {
      const sealed = await first.seal(manager, caseId, 'victim.name', 'from the first');
      firstSealed = true;
      await held.opened;
      return sealed;
    });
    await eventually(() => firstSealed, { description: 'the first transaction to insert its key' });
    const secondSeal = sealIn(second, caseId, 'victim.name', 'from the second');
    await eventually(async () => (await sessionsWaitingForALock(dataSource)) === 1, {
      description: 'the second transaction to wait for the first one’s key',
    });
    held.open();

    const sealed = await Promise.all([firstSeal, secondSeal]);
    expect(await keyRows(caseId)).toHaveLength(1);
    const reader = processVault();
    expect(await openIn(reader, caseId, 'victim.name', sealed[0])).toBe('from the first');
    expect(await openIn(reader, caseId, 'victim.name', sealed[1])).toBe('from the second');
  });

  it('given two transactions sealing the first value of a case at once, when the first rolls back, then the second one’s key is the case’s key', async () => {
    const caseId = randomUUID();
    const [first, second] = [processVault(), processVault()];
    let lost = '';

    const firstSeal = inTransaction(dataSource, async (manager) => {
      lost = await first.seal(manager, caseId, 'victim.name', 'from the first');
      await held.opened;
      throw new Error('the first command failed');
    });
    await eventually(() => lost !== '', { description: 'the first transaction to seal' });
    const secondSeal = sealIn(second, caseId, 'victim.name', 'from the second');
    await eventually(async () => (await sessionsWaitingForALock(dataSource)) === 1, {
      description: 'the second transaction to wait for the first one’s key',
    });
    held.open();

    await expect(firstSeal).rejects.toThrow('the first command failed');
    const kept = await secondSeal;
    expect(await keyRows(caseId)).toHaveLength(1);
    expect(await openIn(first, caseId, 'victim.name', kept)).toBe('from the second');
    await expect(openIn(first, caseId, 'victim.name', lost)).rejects.toThrow(SealedValueError);
  });

  it('given many transactions of several processes sealing a new case at once, when all commit, then there is one key and every value opens', async () => {
    const caseId = randomUUID();
    const vaults = [processVault(), processVault(), processVault()];

    const sealed = await Promise.all(
      Array.from({ length: 9 }, (_, index) =>
        sealIn(vaults[index % 3]!, caseId, 'victim.name', `value ${index}`),
      ),
    );

    expect(await keyRows(caseId)).toHaveLength(1);
    const opened = await Promise.all(
      sealed.map((value) => openIn(processVault(), caseId, 'victim.name', value)),
    );
    expect(opened).toEqual(Array.from({ length: 9 }, (_, index) => `value ${index}`));
  });

  it('given a destroyed key, when the case is opened, sealed or streamed, then CaseKeyDestroyed names only the case, and the wrapped key is NULL', async () => {
    const caseId = randomUUID();
    const sealed = await sealIn(vault, caseId, 'victim.name', 'Nadia K.');
    expect(await openIn(vault, caseId, 'victim.name', sealed)).toBe('Nadia K.');
    clock.set('2026-11-21T10:00:00.000Z');

    await inTransaction(dataSource, (manager) => vault.destroyKey(manager, caseId));

    for (const opener of [vault, processVault()]) {
      const opening = openIn(opener, caseId, 'victim.name', sealed);
      await expect(opening).rejects.toBeInstanceOf(CaseKeyDestroyed);
      await expect(opening).rejects.toThrow(/^The data key of case [0-9a-f-]{36} was destroyed$/);
    }
    await expect(sealIn(vault, caseId, 'victim.name', 'again')).rejects.toThrow(CaseKeyDestroyed);
    await inTransaction(dataSource, async (manager) => {
      await expect(vault.createOpeningStream(manager, caseId, 'attachment/1')).rejects.toThrow(
        CaseKeyDestroyed,
      );
      await expect(vault.createSealingStream(manager, caseId, 'attachment/1')).rejects.toThrow(
        CaseKeyDestroyed,
      );
      expect(await vault.hasKey(manager, caseId)).toBe(false);
      expect(await vault.isDestroyed(manager, caseId)).toBe(true);
    });
    const [row, ...others] = await keyRows(caseId);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ case_id: caseId, wrapped_key: null, kek_id: kek.keyId });
    expect(row!.destroyed_at!.toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });

  it('given a destroyed key, when it is destroyed again, then nothing changes and it keeps its first destruction time', async () => {
    const caseId = randomUUID();
    await sealIn(vault, caseId, 'victim.name', 'Nadia K.');
    clock.set('2026-11-22T10:00:00.000Z');
    await inTransaction(dataSource, (manager) => vault.destroyKey(manager, caseId));
    clock.set('2026-11-23T10:00:00.000Z');

    await inTransaction(dataSource, (manager) => vault.destroyKey(manager, caseId));

    const [row] = await keyRows(caseId);
    expect(row!.destroyed_at!.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('given a case erased before anything was sealed for it, when a value is sealed, then it is refused', async () => {
    const caseId = randomUUID();

    await inTransaction(dataSource, (manager) => vault.destroyKey(manager, caseId));

    await expect(sealIn(processVault(), caseId, 'victim.name', 'late')).rejects.toThrow(CaseKeyDestroyed);
    expect(await keyRows(caseId)).toEqual([expect.objectContaining({ wrapped_key: null, kek_id: null })]);
  });

  it('given a destruction that rolls back, when the case is opened, then its values still open', async () => {
    const caseId = randomUUID();
    const sealed = await sealIn(vault, caseId, 'victim.name', 'Nadia K.');

    await expect(
      inTransaction(dataSource, async (manager) => {
        await vault.destroyKey(manager, caseId);
        throw new Error('the erasure failed');
      }),
    ).rejects.toThrow('the erasure failed');

    expect(await openIn(vault, caseId, 'victim.name', sealed)).toBe('Nadia K.');
  });

  it('given a key another process holds in its cache, when this process destroys it, then that process can neither open nor seal for the case any more', async () => {
    const caseId = randomUUID();
    const other = processVault();
    const sealed = await sealIn(other, caseId, 'victim.name', 'Nadia K.');
    expect(await openIn(other, caseId, 'victim.name', sealed)).toBe('Nadia K.');

    await inTransaction(dataSource, (manager) => vault.destroyKey(manager, caseId));

    await expect(openIn(other, caseId, 'victim.name', sealed)).rejects.toThrow(CaseKeyDestroyed);
    await expect(sealIn(other, caseId, 'victim.name', 'Nadia K.')).rejects.toThrow(CaseKeyDestroyed);
  });

  it('given a destruction not yet committed, when another process opens the case, then it waits and then fails, keeping no key', async () => {
    const caseId = randomUUID();
    const sealed = await sealIn(vault, caseId, 'victim.name', 'Nadia K.');
    const other = processVault();
    let destroyed = false;

    const destruction = inTransaction(dataSource, async (manager) => {
      await vault.destroyKey(manager, caseId);
      destroyed = true;
      await held.opened;
    });
    await eventually(() => destroyed, { description: 'the destruction to run' });
    const opening = openIn(other, caseId, 'victim.name', sealed);
    await eventually(async () => (await sessionsWaitingForALock(dataSource)) === 1, {
      description: 'the opening to wait for the destruction',
    });
    held.open();

    await destruction;
    await expect(opening).rejects.toThrow(CaseKeyDestroyed);
    await expect(openIn(other, caseId, 'victim.name', sealed)).rejects.toThrow(CaseKeyDestroyed);
  });

  it('given keys wrapped under another key-encryption key, when this process opens the case, then it says which keys, never the content', async () => {
    const caseId = randomUUID();
    const sealed = await sealIn(vault, caseId, 'victim.name', 'Nadia K.');
    const elsewhere = new IdentityVault({ dataSource, keyProvider: testKeyProvider(), clock });

    const opening = openIn(elsewhere, caseId, 'victim.name', sealed);

    await expect(opening).rejects.toBeInstanceOf(DataKeyUnavailableError);
    await expect(opening).rejects.toThrow(
      `The data key of case ${caseId} cannot be unwrapped: it is wrapped by key-encryption key ${kek.keyId}, this process holds ${elsewhere.keyId}`,
    );
  });

  it('given the case_data_key table, when a row is deleted or a destroyed key is put back, then the database refuses', async () => {
    const caseId = randomUUID();
    await sealIn(vault, caseId, 'victim.name', 'Nadia K.');
    const [{ wrapped_key: wrapped }] = (await keyRows(caseId)) as [KeyRow];
    await inTransaction(dataSource, (manager) => vault.destroyKey(manager, caseId));

    await expect(
      dataSource.query(
        'UPDATE vault.case_data_key SET wrapped_key = $2, destroyed_at = NULL WHERE case_id = $1',
        [caseId, wrapped],
      ),
    ).rejects.toThrow(DESTROYED_KEYS_STAY_DESTROYED);
    await expect(
      dataSource.query('DELETE FROM vault.case_data_key WHERE case_id = $1', [caseId]),
    ).rejects.toThrow(DATA_KEYS_ARE_NEVER_DELETED);
    await expect(dataSource.query('TRUNCATE vault.case_data_key')).rejects.toThrow(
      DATA_KEYS_ARE_NEVER_DELETED,
    );
  });

  it('given a manager of another data source, when the vault is used with it, then it refuses', async () => {
    const otherSource = await openVaultDataSource(database.url, 'vault_other', 2);
    try {
      await expect(
        inTransaction(otherSource, (manager: EntityManager) =>
          vault.seal(manager, randomUUID(), 'victim.name', 'x'),
        ),
      ).rejects.toThrow('The identity vault of schema vault works through its own data source only');
    } finally {
      await closeServiceDatabase(otherSource);
    }
  });
});
