import { IDBFactory } from 'fake-indexeddb';
import { promisifyRequest } from 'idb-keyval';
import { createDiagnosisLibrary, LIBRARY_DATABASE_NAME, LIBRARY_STORE_NAME, type NewLibraryEntry } from '../../src/data/diagnosis-library';
import { DRAFT_STORAGE_KEY } from '../../src/data/draft-storage';
import { createGroupStorage, GROUP_DATABASE_NAME } from '../../src/data/group-storage';
import { describeLocalData, eraseAllLocalData, type LocalDataOptions } from '../../src/data/local-data';
import { buildAnswersFile, buildAnswers } from '../domain/fixtures';
import { MemoryStorage } from './memory-storage';

interface Device extends Required<Pick<LocalDataOptions, 'library' | 'groupStorage'>> {
  factory: IDBFactory;
  local: MemoryStorage;
  session: MemoryStorage;
  options: LocalDataOptions;
}

/** A browser of its own: IndexedDB, both Web Storages, and the app's two stores on them. */
function buildDevice(): Device {
  const factory = new IDBFactory();
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  let ids = 0;
  const library = createDiagnosisLibrary({ getIndexedDb: () => factory, openChannel: () => null, createId: () => `d${(ids += 1)}` });
  const groupStorage = createGroupStorage({ getIndexedDb: () => factory, openChannel: () => null });
  const options: LocalDataOptions = { getIndexedDb: () => factory, getLocalStorage: () => local, getSessionStorage: () => session, library, groupStorage, blockedTimeoutMs: 20 };
  return { factory, local, session, library, groupStorage, options };
}

function buildEntry(organisationName: string): NewLibraryEntry {
  return { title: null, organisationName, status: 'in-progress', completedAt: null, step: 'profile', previousId: null, file: buildAnswersFile(buildAnswers()) };
}

async function listDatabaseNames(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).map((database) => database.name ?? '').sort();
}

/** A record no version of the app can read, written as a damaged disk would leave it. */
async function writeUnreadableRecord(factory: IDBFactory): Promise<void> {
  const request = factory.open(LIBRARY_DATABASE_NAME);
  request.onupgradeneeded = () => request.result.createObjectStore(LIBRARY_STORE_NAME);
  const database = await promisifyRequest(request);
  const transaction = database.transaction(LIBRARY_STORE_NAME, 'readwrite');
  transaction.objectStore(LIBRARY_STORE_NAME).put({ version: 1, entry: 'abîmé' }, 'diagnostic:abime');
  await promisifyRequest(transaction);
  database.close();
}

/** Fills the device the way a person using the app would. */
async function fillDevice(device: Device): Promise<void> {
  await device.library.create(buildEntry('Les Amis du Quartier'));
  await device.library.create(buildEntry('Le Club'));
  await writeUnreadableRecord(device.factory);
  const members = ['Awa', 'Brice', 'Chloé'].map((name, index) => ({ id: `m${index}`, file: buildAnswersFile(buildAnswers(), { respondent: { name } }) }));
  expect(await device.groupStorage.save({ questionnaireId: 'test-mse', members, agreedAnswers: {} })).toEqual({ ok: true });
  device.local.setItem('trajectoires.langue', 'en');
  device.local.setItem(DRAFT_STORAGE_KEY, '{}');
  device.local.setItem('autre-application', 'à garder');
  device.session.setItem('trajectoires.ouvert', 'd1');
  device.session.setItem('trajectoires.ouvert.en-attente', '{}');
  device.session.setItem('autre-onglet', 'à garder');
}

describe('describeLocalData', () => {
  it('tells what a used device keeps, and names only the app’s own keys', async () => {
    const device = buildDevice();
    await fillDevice(device);
    expect(await describeLocalData(device.options)).toEqual({
      isIndexedDbAvailable: true,
      diagnoses: 2,
      setAsideRecords: 1,
      group: { status: 'found', respondents: 3 },
      language: 'en',
      hasLegacyDraft: true,
      tab: { hasOpenDiagnosis: true, hasPendingCopy: true, isWorkshop: false },
      localStorageKeys: [DRAFT_STORAGE_KEY, 'trajectoires.langue'].sort(),
      sessionStorageKeys: ['trajectoires.ouvert', 'trajectoires.ouvert.en-attente'],
    });
  });

  it('finds nothing on a fresh device, and does not create the databases by looking', async () => {
    const device = buildDevice();
    const summary = await describeLocalData(device.options);
    expect(summary).toMatchObject({ diagnoses: 0, setAsideRecords: 0, group: { status: 'none' }, language: null, hasLegacyDraft: false, localStorageKeys: [], sessionStorageKeys: [] });
    expect(await listDatabaseNames(device.factory)).toEqual([]);
  });

  it('says when the browser has no IndexedDB at all', async () => {
    const summary = await describeLocalData({ getIndexedDb: () => undefined, getLocalStorage: () => undefined, getSessionStorage: () => undefined });
    expect(summary).toMatchObject({ isIndexedDbAvailable: false, diagnoses: 0, group: { status: 'none' } });
  });

  it('reports an unreadable group as such', async () => {
    const device = buildDevice();
    const request = device.factory.open(GROUP_DATABASE_NAME);
    request.onupgradeneeded = () => request.result.createObjectStore('groupe');
    const database = await promisifyRequest(request);
    const transaction = database.transaction('groupe', 'readwrite');
    transaction.objectStore('groupe').put({ version: 1, group: { members: 'cassé' } }, 'groupe');
    await promisifyRequest(transaction);
    database.close();
    expect((await describeLocalData(device.options)).group).toEqual({ status: 'unreadable' });
  });
});

describe('eraseAllLocalData', () => {
  it('removes both databases and every trajectoires key, and leaves other sites’ keys alone', async () => {
    const device = buildDevice();
    await fillDevice(device);
    // The library and the group hold open connections, as on a page that has just listed them.
    await device.library.list();
    await device.groupStorage.load();
    expect(await listDatabaseNames(device.factory)).toEqual([GROUP_DATABASE_NAME, LIBRARY_DATABASE_NAME].sort());

    expect(await eraseAllLocalData(device.options)).toEqual({ ok: true, failures: [] });

    expect(await listDatabaseNames(device.factory)).toEqual([]);
    expect(device.local.getItem('autre-application')).toBe('à garder');
    expect(device.session.getItem('autre-onglet')).toBe('à garder');
    expect(await describeLocalData(device.options)).toMatchObject({ diagnoses: 0, group: { status: 'none' }, language: null, localStorageKeys: [], sessionStorageKeys: [] });
  });

  it('lets the app write again afterwards, into fresh databases', async () => {
    const device = buildDevice();
    await fillDevice(device);
    await device.library.list();
    await eraseAllLocalData(device.options);
    expect((await device.library.create(buildEntry('Après'))).ok).toBe(true);
    expect(await describeLocalData(device.options)).toMatchObject({ diagnoses: 1 });
  });

  it('reports a database another tab keeps open, and the deletion completes once it lets go', async () => {
    const device = buildDevice();
    await fillDevice(device);
    // A connection that ignores `versionchange`, like a tab of an older version of the app.
    const stubborn = await promisifyRequest(device.factory.open(LIBRARY_DATABASE_NAME));

    expect(await eraseAllLocalData(device.options)).toEqual({ ok: false, failures: [{ place: 'library-database', reason: 'blocked' }] });
    expect(await listDatabaseNames(device.factory)).toContain(LIBRARY_DATABASE_NAME);

    stubborn.close();
    await expect.poll(() => listDatabaseNames(device.factory)).toEqual([]);
  });

  it('reports a storage that refuses to remove keys', async () => {
    const device = buildDevice();
    device.local.setItem('trajectoires.langue', 'en');
    device.local.removeItem = () => {
      throw new DOMException('refused', 'SecurityError');
    };
    expect(await eraseAllLocalData(device.options)).toEqual({ ok: false, failures: [{ place: 'local-storage', reason: 'error' }] });
  });

  it('succeeds where the browser has no IndexedDB: nothing could be kept there', async () => {
    const session = new MemoryStorage();
    session.setItem('trajectoires.atelier', 'on');
    expect(await eraseAllLocalData({ getIndexedDb: () => undefined, getLocalStorage: () => undefined, getSessionStorage: () => session })).toEqual({ ok: true, failures: [] });
    expect(session.length).toBe(0);
  });
});
