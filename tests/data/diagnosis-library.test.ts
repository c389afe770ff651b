import fc from 'fast-check';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { promisifyRequest } from 'idb-keyval';
import { PATH_STEP_STATUSES, RESPONDENT_ROLES, createAnswersFile, type AnswersFile } from '../../src/domain/answers';
import { DIAGNOSIS_STATUSES } from '../../src/domain/diagnosis-library-entry';
import { WIZARD_STEP_STATES } from '../../src/domain/wizard-steps';
import { DRAFT_STORAGE_KEY, createDraftStorage, type Draft } from '../../src/data/draft-storage';
import {
  LIBRARY_DATABASE_NAME,
  LIBRARY_STORE_NAME,
  createDiagnosisLibrary,
  type DiagnosisLibrary,
  type DiagnosisLibraryOptions,
  type EntryChanges,
  type LibraryEntry,
  type NewLibraryEntry,
} from '../../src/data/diagnosis-library';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';
import { openFailingLater, openThrowing } from './failing-indexed-db';
import { MemoryStorage } from './memory-storage';

const questionnaire = buildQuestionnaire();

function buildFile(updatedAt = '2026-11-22T10:00:00.000Z', answers = buildAnswers()): AnswersFile {
  return createAnswersFile(questionnaire, answers, new Date(updatedAt), { createdAt: new Date('2026-11-01T09:00:00Z'), respondent: { name: 'Awa', role: 'benevole' } });
}

function buildNewEntry(overrides: Partial<NewLibraryEntry> = {}): NewLibraryEntry {
  return { title: null, organisationName: 'Les Amis du Quartier', status: 'in-progress', completedAt: null, step: 'humanResources', previousId: null, file: buildFile(), ...overrides };
}

function changesOf(entry: NewLibraryEntry): EntryChanges {
  const { file, step, status, completedAt, organisationName } = entry;
  return { file, step, status, completedAt, organisationName };
}

/** Ids in creation order, so that tests can name them. */
function countingIds(prefix = 'd'): () => string {
  let count = 0;
  return () => `${prefix}${(count += 1)}`;
}

function libraryOn(factory: IDBFactory, options: DiagnosisLibraryOptions = {}): DiagnosisLibrary {
  return createDiagnosisLibrary({ getIndexedDb: () => factory, createId: countingIds(), ...options });
}

function expectEntry(result: { ok: boolean; entry?: LibraryEntry }): LibraryEntry {
  if (!result.ok || !result.entry) throw new Error(`expected a written entry, got ${JSON.stringify(result)}`);
  return result.entry;
}

/** Writes straight into the library's store, as an older, newer or broken version of the tool would. */
async function writeRawRecord(factory: IDBFactory, key: string, value: unknown): Promise<void> {
  const request = factory.open(LIBRARY_DATABASE_NAME);
  request.onupgradeneeded = () => request.result.createObjectStore(LIBRARY_STORE_NAME);
  const database = await promisifyRequest(request);
  const transaction = database.transaction(LIBRARY_STORE_NAME, 'readwrite');
  transaction.objectStore(LIBRARY_STORE_NAME).put(value, key);
  await promisifyRequest(transaction);
  database.close();
}

async function readRawValue(factory: IDBFactory, key: string): Promise<unknown> {
  const database = await promisifyRequest(factory.open(LIBRARY_DATABASE_NAME));
  const value: unknown = await promisifyRequest(database.transaction(LIBRARY_STORE_NAME, 'readonly').objectStore(LIBRARY_STORE_NAME).get(key));
  database.close();
  return value;
}

async function readRawKeys(factory: IDBFactory): Promise<IDBValidKey[]> {
  const database = await promisifyRequest(factory.open(LIBRARY_DATABASE_NAME));
  const keys = await promisifyRequest(database.transaction(LIBRARY_STORE_NAME, 'readonly').objectStore(LIBRARY_STORE_NAME).getAllKeys());
  database.close();
  return keys;
}

const legacyDraft: Draft = { step: 'financialResources', file: buildFile('2026-10-05T08:00:00.000Z'), organisationName: 'Les Amis du Quartier' };

function draftsHolding(draft: Draft | string | null) {
  const memory = new MemoryStorage();
  const drafts = createDraftStorage(() => memory);
  if (typeof draft === 'string') memory.setItem(DRAFT_STORAGE_KEY, draft);
  else if (draft) drafts.save(draft);
  return { memory, drafts };
}

function describeDraft(draft: Draft): NewLibraryEntry {
  return { title: null, organisationName: draft.organisationName, status: 'in-progress', completedAt: null, step: draft.step, previousId: null, file: draft.file };
}

/** Resolves with the first value the listener hears, or 'silent' after a while (only used to show that nothing came). */
function firstCall<T>(register: (listener: (value: T) => void) => () => void, timeoutMs = 150): { heard: Promise<T | 'silent'>; release: () => void } {
  let release = () => {};
  const heard = new Promise<T | 'silent'>((resolve) => {
    release = register((value) => resolve(value));
    setTimeout(() => resolve('silent'), timeoutMs);
  });
  return { heard, release: () => release() };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the library of diagnoses on this device', () => {
  it('is empty on a fresh device', async () => {
    expect(await libraryOn(new IDBFactory()).list()).toEqual({ status: 'ok', entries: [], quarantined: [] });
  });

  it('gives back a created diagnosis under a new id, at revision 1, in another library on the same device too', async () => {
    const factory = new IDBFactory();
    const created = expectEntry(await libraryOn(factory).create(buildNewEntry()));
    expect(created).toEqual({ ...buildNewEntry(), id: 'd1', revision: 1 });
    expect(await libraryOn(factory).get('d1')).toEqual({ status: 'found', entry: created });
  });

  it('says missing for an id it never had', async () => {
    expect(await libraryOn(new IDBFactory()).get('inconnu')).toEqual({ status: 'missing' });
  });

  it('lists the most recently changed first, comparing dates as instants', async () => {
    const library = libraryOn(new IDBFactory());
    await library.create(buildNewEntry({ organisationName: 'A', file: { ...buildFile(), updatedAt: '2026-11-20T10:00:00+02:00' } }));
    await library.create(buildNewEntry({ organisationName: 'B', file: { ...buildFile(), updatedAt: '2026-11-21T10:00:00.000Z' } }));
    await library.create(buildNewEntry({ organisationName: 'C', file: { ...buildFile(), updatedAt: '2026-11-20T09:00:00.000Z' } }));
    const listed = await library.list();
    expect(listed.status === 'ok' && listed.entries.map((entry) => entry.organisationName)).toEqual(['B', 'C', 'A']);
  });

  it('refuses to create over a record already under the new id', async () => {
    const factory = new IDBFactory();
    const first = expectEntry(await libraryOn(factory, { createId: () => 'same' }).create(buildNewEntry({ organisationName: 'Premier' })));
    expect(await libraryOn(factory, { createId: () => 'same' }).create(buildNewEntry({ organisationName: 'Second' }))).toEqual({ ok: false, reason: 'conflict', current: first });
    expect(await libraryOn(factory).get('same')).toEqual({ status: 'found', entry: first });
  });

  describe('saving', () => {
    it('replaces the answers, step, status and organisation and bumps the revision; title and origin stay', async () => {
      const library = libraryOn(new IDBFactory());
      const created = expectEntry(await library.create(buildNewEntry({ title: 'Bureau 2026', previousId: 'ancien' })));
      const changes: EntryChanges = { file: buildFile('2026-11-23T10:00:00.000Z', buildAnswers({ 'project-clarity': 'l1' })), step: 'synthesis', status: 'completed', completedAt: '2026-11-23T10:00:00.000Z', organisationName: 'Amis du Quartier' };
      const saved = expectEntry(await library.save(created.id, changes, 1));
      expect(saved).toEqual({ ...created, ...changes, revision: 2 });
      expect(await library.get(created.id)).toEqual({ status: 'found', entry: saved });
    });

    it('takes only the fields a save may change, whatever else the object carries', async () => {
      const library = libraryOn(new IDBFactory());
      const created = expectEntry(await library.create(buildNewEntry()));
      const sneaky = { ...created, id: 'autre', title: 'Pirate', previousId: 'x', revision: 40, step: 'priorities' as const };
      expect(expectEntry(await library.save(created.id, sneaky, 1))).toEqual({ ...created, step: 'priorities', revision: 2 });
    });

    it('refuses a save naming an older revision, gives the current one and keeps it', async () => {
      const factory = new IDBFactory();
      const firstTab = libraryOn(factory);
      const secondTab = libraryOn(factory);
      const created = expectEntry(await firstTab.create(buildNewEntry()));
      const fromSecondTab = expectEntry(await secondTab.save(created.id, changesOf(buildNewEntry({ step: 'priorities' })), 1));
      expect(await firstTab.save(created.id, changesOf(buildNewEntry({ step: 'project' })), 1)).toEqual({ ok: false, reason: 'conflict', current: fromSecondTab });
      expect(await firstTab.get(created.id)).toEqual({ status: 'found', entry: fromSecondTab });
    });

    it('says missing when the diagnosis was deleted meanwhile', async () => {
      const library = libraryOn(new IDBFactory());
      expect(await library.save('parti', changesOf(buildNewEntry()), 1)).toEqual({ ok: false, reason: 'missing' });
    });
  });

  describe('renaming', () => {
    it.each([
      ['a new title', '  Conseil d’administration  ', 'Conseil d’administration'],
      ['a blank title, back to the organisation name', '   ', null],
      ['no title', null, null],
    ])('with %s', async (_, title, expected) => {
      const library = libraryOn(new IDBFactory());
      const created = expectEntry(await library.create(buildNewEntry({ title: 'Ancien titre' })));
      const renamed = expectEntry(await library.rename(created.id, title));
      // The revision stays: a title is not part of what a save writes, so it conflicts with none.
      expect(renamed).toEqual({ ...created, title: expected, revision: 1 });
      expect(await library.get(created.id)).toEqual({ status: 'found', entry: renamed });
    });

    it('says missing for an unknown id', async () => {
      expect(await libraryOn(new IDBFactory()).rename('inconnu', 'X')).toEqual({ ok: false, reason: 'missing' });
    });

    it('from another tab, between two saves of the tab editing it, is no conflict for the next save, and its title survives that save', async () => {
      const factory = new IDBFactory();
      const editingTab = libraryOn(factory);
      const welcomeTab = libraryOn(factory);
      const created = expectEntry(await editingTab.create(buildNewEntry()));
      const first = expectEntry(await editingTab.save(created.id, changesOf(buildNewEntry({ step: 'project' })), created.revision));
      const renamed = expectEntry(await welcomeTab.rename(created.id, 'Bureau 2026'));
      expect(renamed.revision).toBe(first.revision);
      const secondChanges = changesOf(buildNewEntry({ step: 'priorities' }));
      const second = expectEntry(await editingTab.save(created.id, secondChanges, first.revision));
      expect(second).toEqual({ ...first, ...secondChanges, title: 'Bureau 2026', revision: first.revision + 1 });
      expect(await welcomeTab.get(created.id)).toEqual({ status: 'found', entry: second });
    });
  });

  describe('duplicating', () => {
    it.each([
      ['named after its organisation', null, 'Les Amis du Quartier (copie)'],
      ['named after its own title', 'Bureau 2026', 'Bureau 2026 (copie)'],
    ])('a diagnosis %s gives a copy under a new id, starting again at revision 1', async (_, title, copyTitle) => {
      const library = libraryOn(new IDBFactory());
      const source = expectEntry(await library.create(buildNewEntry({ title, previousId: 'ancien', status: 'completed', completedAt: '2026-11-22T10:00:00.000Z' })));
      await library.rename(source.id, title);
      const copy = expectEntry(await library.duplicate(source.id));
      const sourceNow = await library.get(source.id);
      expect(copy).toEqual({ ...source, id: 'd2', revision: 1, title: copyTitle, previousId: null });
      expect(await library.get('d2')).toEqual({ status: 'found', entry: copy });
      expect(sourceNow.status === 'found' && sourceNow.entry.title).toBe(title);
    });

    it('titles the copy in the wording it is given (the interface language of the moment)', async () => {
      const library = libraryOn(new IDBFactory());
      const source = expectEntry(await library.create(buildNewEntry({ title: null })));
      const copy = expectEntry(await library.duplicate(source.id, { named: (name) => `${name} (copy)`, unnamed: 'Copy' }));
      expect(copy.title).toBe('Les Amis du Quartier (copy)');
    });

    it('says missing for an unknown id', async () => {
      expect(await libraryOn(new IDBFactory()).duplicate('inconnu')).toEqual({ ok: false, reason: 'missing' });
    });
  });

  it('forgets a removed diagnosis and keeps the others', async () => {
    const library = libraryOn(new IDBFactory());
    const kept = expectEntry(await library.create(buildNewEntry({ organisationName: 'Gardée' })));
    const removed = expectEntry(await library.create(buildNewEntry({ organisationName: 'Supprimée' })));
    expect(await library.remove(removed.id)).toEqual({ ok: true });
    expect(await library.get(removed.id)).toEqual({ status: 'missing' });
    expect(await library.list()).toEqual({ status: 'ok', entries: [kept], quarantined: [] });
  });

  describe('a record it cannot read is quarantined, never used, and the others stay readable', () => {
    const valid = { ...buildNewEntry(), id: 'abime', revision: 1 };
    it.each([
      ['a text instead of a record', 'pas un diagnostic'],
      ['a record without a version', { entry: valid }],
      ['a record whose version is not a number', { version: '2', entry: valid }],
      ['an unknown step', { version: 1, entry: { ...valid, step: 'step9' } }],
      ['a broken answers file', { version: 1, entry: { ...valid, file: { ...valid.file, format: 'autre' } } }],
      ['an entry filed under another id', { version: 1, entry: { ...valid, id: 'autre' } }],
      ['a revision of zero', { version: 1, entry: { ...valid, revision: 0 } }],
    ])('%s', async (_, stored) => {
      const factory = new IDBFactory();
      const library = libraryOn(factory);
      const readable = expectEntry(await library.create(buildNewEntry()));
      await writeRawRecord(factory, 'diagnostic:abime', stored);
      expect(await library.get('abime')).toEqual({ status: 'corrupted' });

      const listed = await library.list();
      expect(listed).toEqual({ status: 'ok', entries: [readable], quarantined: [{ key: 'quarantaine:diagnostic:abime', raw: expect.any(String), quarantinedAt: expect.any(String) }] });
      // The raw text is what the person downloads to keep their data: it must be the stored record, as JSON.
      expect(JSON.parse(listed.status === 'ok' ? listed.quarantined[0]!.raw : 'null')).toEqual(stored);

      expect(await library.list()).toEqual(listed);
      expect(await library.get('abime')).toEqual({ status: 'missing' });
      expect(await library.removeQuarantined('quarantaine:diagnostic:abime')).toEqual({ ok: true });
      expect(await library.list()).toEqual({ status: 'ok', entries: [readable], quarantined: [] });
    });

    it('keeps a value JSON cannot write as its text', async () => {
      const factory = new IDBFactory();
      await writeRawRecord(factory, 'diagnostic:abime', 10n);
      const listed = await libraryOn(factory).list();
      expect(listed.status === 'ok' && listed.quarantined.map(({ key, raw }) => ({ key, raw }))).toEqual([{ key: 'quarantaine:diagnostic:abime', raw: '10' }]);
    });

    it('leaves alone the keys that are not diagnoses', async () => {
      const factory = new IDBFactory();
      await writeRawRecord(factory, 'reglages', { theme: 'sombre' });
      expect(await libraryOn(factory).list()).toEqual({ status: 'ok', entries: [], quarantined: [] });
      expect(await readRawKeys(factory)).toEqual(['reglages']);
    });

    it('never deletes a readable diagnosis through removeQuarantined', async () => {
      const library = libraryOn(new IDBFactory());
      const entry = expectEntry(await library.create(buildNewEntry()));
      expect(await library.removeQuarantined(`diagnostic:${entry.id}`)).toEqual({ ok: true });
      expect(await library.get(entry.id)).toEqual({ status: 'found', entry });
    });

    it('tells other tabs that records moved', async () => {
      const factory = new IDBFactory();
      await writeRawRecord(factory, 'diagnostic:abime', 'pas un diagnostic');
      const other = libraryOn(factory);
      const { heard, release } = firstCall<string | null>(other.subscribe);
      await libraryOn(factory).list();
      expect(await heard).toBeNull();
      release();
    });
  });

  describe('a record written by a newer version of the app is left where it is, untouched, and counted', () => {
    const valid = { ...buildNewEntry(), id: 'recent', revision: 3 };
    const NEWER_RECORDS: [string, unknown][] = [
      ['a record of a later format', { version: 2, entry: { ...valid, colour: 'bleu' } }],
      ['a record of a later format whose entry this version cannot read at all', { version: 7, diagnosis: 'ailleurs' }],
      ['an answers file of a later format', { version: 1, entry: { ...valid, file: { ...valid.file, formatVersion: 2 } } }],
    ];

    it.each(NEWER_RECORDS)('%s', async (_, stored) => {
      const factory = new IDBFactory();
      const library = libraryOn(factory);
      const readable = expectEntry(await library.create(buildNewEntry()));
      await writeRawRecord(factory, 'diagnostic:recent', stored);
      const before = JSON.stringify(await readRawValue(factory, 'diagnostic:recent'));

      const listed = await library.list();
      expect(listed).toEqual({ status: 'ok', entries: [readable], quarantined: [], newer: 1 });
      expect(await library.list()).toEqual(listed);
      expect(await library.get('recent')).toEqual({ status: 'newer' });

      expect(await library.save('recent', changesOf(buildNewEntry({ step: 'priorities' })), 3)).toEqual({ ok: false, reason: 'newer' });
      expect(await library.rename('recent', 'Écrasé')).toEqual({ ok: false, reason: 'newer' });
      expect(await library.duplicate('recent')).toEqual({ ok: false, reason: 'newer' });
      // Not even a record reported unreadable by a failed move can take it away.
      expect(await library.removeQuarantined('diagnostic:recent')).toEqual({ ok: true });

      expect((await readRawKeys(factory)).sort()).toEqual([`diagnostic:${readable.id}`, 'diagnostic:recent']);
      expect(await readRawValue(factory, 'diagnostic:recent')).toEqual(stored);
      expect(JSON.stringify(await readRawValue(factory, 'diagnostic:recent'))).toBe(before);
    });

    it('counts every newer record, next to the readable and the quarantined ones', async () => {
      const factory = new IDBFactory();
      const library = libraryOn(factory);
      const readable = expectEntry(await library.create(buildNewEntry()));
      for (const [index, [, stored]] of NEWER_RECORDS.entries()) await writeRawRecord(factory, `diagnostic:recent-${index}`, stored);
      await writeRawRecord(factory, 'diagnostic:abime', 'pas un diagnostic');
      const listed = await library.list();
      expect(listed).toEqual({
        status: 'ok',
        entries: [readable],
        quarantined: [{ key: 'quarantaine:diagnostic:abime', raw: '"pas un diagnostic"', quarantinedAt: expect.any(String) }],
        newer: NEWER_RECORDS.length,
      });
    });

    it('is not announced to other tabs, since nothing moved', async () => {
      const factory = new IDBFactory();
      await writeRawRecord(factory, 'diagnostic:recent', NEWER_RECORDS[0]![1]);
      const { heard, release } = firstCall<string | null>(libraryOn(factory).subscribe);
      await libraryOn(factory).list();
      expect(await heard).toBe('silent');
      release();
    });
  });

  describe('without IndexedDB (old browser, private window, blocked storage)', () => {
    const unavailableWrite = { ok: false, reason: 'unavailable' };
    const methods: [string, (library: DiagnosisLibrary) => Promise<unknown>, unknown][] = [
      ['list', (library) => library.list(), { status: 'unavailable' }],
      ['get', (library) => library.get('d1'), { status: 'unavailable' }],
      ['create', (library) => library.create(buildNewEntry()), unavailableWrite],
      ['save', (library) => library.save('d1', changesOf(buildNewEntry()), 1), unavailableWrite],
      ['rename', (library) => library.rename('d1', 'X'), unavailableWrite],
      ['duplicate', (library) => library.duplicate('d1'), unavailableWrite],
      ['remove', (library) => library.remove('d1'), unavailableWrite],
      ['removeQuarantined', (library) => library.removeQuarantined('quarantaine:diagnostic:d1'), unavailableWrite],
    ];

    describe.each([
      ['no IndexedDB at all', () => undefined],
      ['a database that throws when opened', () => openThrowing],
      ['a database whose opening fails', () => openFailingLater],
    ])('with %s', (_, getIndexedDb) => {
      it.each(methods)('%s says unavailable', async (__, call, expected) => {
        expect(await call(createDiagnosisLibrary({ getIndexedDb }))).toEqual(expected);
      });

      it('adoptLegacyDraft keeps the draft', async () => {
        const { drafts } = draftsHolding(legacyDraft);
        expect(await createDiagnosisLibrary({ getIndexedDb }).adoptLegacyDraft(drafts, describeDraft)).toBeNull();
        expect(drafts.load()).toEqual({ status: 'found', draft: legacyDraft });
      });
    });

    it('opens again later rather than keeping a failed opening', async () => {
      const factory = new IDBFactory();
      let isBlocked = true;
      const library = createDiagnosisLibrary({ getIndexedDb: () => (isBlocked ? openThrowing : factory) });
      expect(await library.list()).toEqual({ status: 'unavailable' });
      isBlocked = false;
      expect(await library.list()).toEqual({ status: 'ok', entries: [], quarantined: [] });
    });
  });

  describe('when the device is full', () => {
    const failPutsWith = (name: string) =>
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The write failed.', name);
      });

    it.each([
      ['create', (library: DiagnosisLibrary) => library.create(buildNewEntry({ organisationName: 'Nouvelle' }))],
      ['save', (library: DiagnosisLibrary) => library.save('d1', changesOf(buildNewEntry({ step: 'priorities' })), 1)],
      ['rename', (library: DiagnosisLibrary) => library.rename('d1', 'Nouveau titre')],
      ['duplicate', (library: DiagnosisLibrary) => library.duplicate('d1')],
    ])('%s says quota and changes nothing', async (_, write) => {
      const library = libraryOn(new IDBFactory());
      const before = await library.create(buildNewEntry());
      failPutsWith('QuotaExceededError');
      expect(await write(library)).toEqual({ ok: false, reason: 'quota' });
      vi.restoreAllMocks();
      expect(await library.list()).toEqual({ status: 'ok', entries: [expectEntry(before)], quarantined: [] });
    });

    it('says unavailable when a write fails for another reason', async () => {
      const library = libraryOn(new IDBFactory());
      failPutsWith('TransactionInactiveError');
      expect(await library.create(buildNewEntry())).toEqual({ ok: false, reason: 'unavailable' });
    });

    it('still lists the readable diagnoses when a record cannot be moved to quarantine, and can delete it where it is', async () => {
      const factory = new IDBFactory();
      const library = libraryOn(factory);
      const readable = expectEntry(await library.create(buildNewEntry()));
      await writeRawRecord(factory, 'diagnostic:abime', 'pas un diagnostic');
      failPutsWith('QuotaExceededError');
      const listed = await library.list();
      vi.restoreAllMocks();
      expect(listed).toEqual({ status: 'ok', entries: [readable], quarantined: [{ key: 'diagnostic:abime', raw: '"pas un diagnostic"', quarantinedAt: expect.any(String) }] });
      expect(await library.removeQuarantined('diagnostic:abime')).toEqual({ ok: true });
      expect(await readRawKeys(factory)).toEqual([`diagnostic:${readable.id}`]);
    });
  });

  describe('adopting the draft of the previous version', () => {
    it('moves a found draft into the library and clears it', async () => {
      const library = libraryOn(new IDBFactory());
      const { drafts } = draftsHolding(legacyDraft);
      const adopted = await library.adoptLegacyDraft(drafts, describeDraft);
      expect(adopted).toEqual({ ...describeDraft(legacyDraft), id: 'd1', revision: 1 });
      expect(await library.list()).toEqual({ status: 'ok', entries: [adopted], quarantined: [] });
      expect(drafts.load()).toEqual({ status: 'none' });
    });

    it('keeps the draft when the write fails', async () => {
      const library = libraryOn(new IDBFactory());
      const { drafts } = draftsHolding(legacyDraft);
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      expect(await library.adoptLegacyDraft(drafts, describeDraft)).toBeNull();
      vi.restoreAllMocks();
      expect(drafts.load()).toEqual({ status: 'found', draft: legacyDraft });
      expect(await library.list()).toEqual({ status: 'ok', entries: [], quarantined: [] });
    });

    it('quarantines a corrupted draft, then clears it', async () => {
      const library = libraryOn(new IDBFactory());
      const raw = '{"version": 1, "step":';
      const { drafts } = draftsHolding(raw);
      expect(await library.adoptLegacyDraft(drafts, describeDraft)).toBeNull();
      expect(drafts.load()).toEqual({ status: 'none' });
      expect(await library.list()).toEqual({ status: 'ok', entries: [], quarantined: [{ key: expect.stringMatching(/^quarantaine:trajectoires\.draft:/), raw, quarantinedAt: expect.any(String) }] });
    });

    it('returns null when there is no draft', async () => {
      const library = libraryOn(new IDBFactory());
      expect(await library.adoptLegacyDraft(draftsHolding(null).drafts, describeDraft)).toBeNull();
      expect(await library.list()).toEqual({ status: 'ok', entries: [], quarantined: [] });
    });

    it('adopts a draft once when two tabs open the new version together', async () => {
      const factory = new IDBFactory();
      const { memory } = draftsHolding(legacyDraft);
      // Each tab read the draft before either cleared it.
      const tabDrafts = () => {
        const snapshot = createDraftStorage(() => memory).load();
        return { load: () => snapshot, save: () => ({ ok: true as const }), clear: () => memory.removeItem(DRAFT_STORAGE_KEY) };
      };
      const adopted = await Promise.all([libraryOn(factory, { createId: countingIds('a') }).adoptLegacyDraft(tabDrafts(), describeDraft), libraryOn(factory, { createId: countingIds('b') }).adoptLegacyDraft(tabDrafts(), describeDraft)]);
      expect(adopted.filter((entry) => entry !== null)).toHaveLength(1);
      const listed = await libraryOn(factory).list();
      expect(listed.status === 'ok' && listed.entries).toHaveLength(1);
      expect(memory.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    });
  });

  describe('other tabs', () => {
    it.each([
      ['a creation', async (library: DiagnosisLibrary) => expectEntry(await library.create(buildNewEntry())).id],
      ['a save', async (library: DiagnosisLibrary) => (await library.save('d1', changesOf(buildNewEntry()), 1), 'd1')],
      ['a rename', async (library: DiagnosisLibrary) => (await library.rename('d1', 'X'), 'd1')],
      ['a duplicate', async (library: DiagnosisLibrary) => expectEntry(await library.duplicate('d1')).id],
      ['a removal', async (library: DiagnosisLibrary) => (await library.remove('d1'), 'd1')],
    ])('hear %s, with its id, and the writer does not hear itself', async (_, write) => {
      const factory = new IDBFactory();
      const writer = libraryOn(factory, { createId: countingIds('w') });
      await libraryOn(factory, { createId: () => 'd1' }).create(buildNewEntry());
      const listener = libraryOn(factory);
      const other = firstCall<string | null>(listener.subscribe);
      const itself = firstCall<string | null>(writer.subscribe);
      const id = await write(writer);
      expect(await other.heard).toBe(id);
      expect(await itself.heard).toBe('silent');
      other.release();
      itself.release();
    });

    it('stop hearing once unsubscribed', async () => {
      const factory = new IDBFactory();
      const { heard, release } = firstCall<string | null>(libraryOn(factory).subscribe);
      release();
      await libraryOn(factory).create(buildNewEntry());
      expect(await heard).toBe('silent');
    });

    it('editing the same diagnosis learn it, whichever opened it first', async () => {
      const factory = new IDBFactory();
      const first = firstCall<boolean>((listener) => libraryOn(factory).watchEditing('d1', listener));
      const second = firstCall<boolean>((listener) => libraryOn(factory).watchEditing('d1', listener));
      expect([await first.heard, await second.heard]).toEqual([true, true]);
      first.release();
      second.release();
    });

    it('editing the same diagnosis learn when the other tab leaves, and only when the last one does', async () => {
      const factory = new IDBFactory();
      const heard: boolean[] = [];
      const release = libraryOn(factory).watchEditing('d1', (isOpenElsewhere) => heard.push(isOpenElsewhere));
      const releaseSecond = libraryOn(factory).watchEditing('d1', () => {});
      const releaseThird = libraryOn(factory).watchEditing('d1', () => {});
      try {
        await vi.waitFor(() => expect(heard).toContain(true));
        const before = heard.length;
        releaseSecond();
        await vi.waitFor(() => expect(heard.length).toBeGreaterThan(before));
        // One other tab is still there.
        expect(heard.at(-1)).toBe(true);
        releaseThird();
        await vi.waitFor(() => expect(heard.at(-1)).toBe(false));
      } finally {
        releaseSecond();
        releaseThird();
        release();
      }
    });

    it('editing other diagnoses are not warned, nor is the same tab', async () => {
      const factory = new IDBFactory();
      const library = libraryOn(factory);
      const first = firstCall<boolean>((listener) => library.watchEditing('d1', listener));
      const sameTab = firstCall<boolean>((listener) => library.watchEditing('d1', listener));
      const otherDiagnosis = firstCall<boolean>((listener) => libraryOn(factory).watchEditing('d2', listener));
      expect([await first.heard, await sameTab.heard, await otherDiagnosis.heard]).toEqual(['silent', 'silent', 'silent']);
      first.release();
      sameTab.release();
      otherDiagnosis.release();
    });

    it('no longer learn about a tab that released its diagnosis', async () => {
      const factory = new IDBFactory();
      const released = firstCall<boolean>((listener) => libraryOn(factory).watchEditing('d1', listener));
      released.release();
      const later = firstCall<boolean>((listener) => libraryOn(factory).watchEditing('d1', listener));
      expect([await released.heard, await later.heard]).toEqual(['silent', 'silent']);
      later.release();
    });

    it('where BroadcastChannel is missing, nothing is heard and writing still works', async () => {
      const library = createDiagnosisLibrary({ getIndexedDb: () => new IDBFactory(), openChannel: () => null });
      const never = () => {
        throw new Error('never called');
      };
      library.subscribe(never)();
      library.watchEditing('d1', never)();
      expect((await library.create(buildNewEntry())).ok).toBe(true);
    });
  });

  describe('gives back any valid diagnosis exactly as written', () => {
    // Ids as questionnaires write them (kebab-case): zod's records drop a « __proto__ » key, which no questionnaire uses.
    const questionId = fc.stringMatching(/^[a-z][a-z0-9-]{0,19}$/);
    const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
    const answersFile: fc.Arbitrary<AnswersFile> = fc
      .record({
        questionnaire: fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }), version: fc.stringMatching(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/) }),
        respondent: fc.record({ name: fc.string({ maxLength: 40 }), role: fc.constantFrom(...RESPONDENT_ROLES) }, { requiredKeys: [] }),
        createdAt: isoDate,
        updatedAt: isoDate,
        answers: fc.dictionary(
          questionId,
          fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.dictionary(questionId, fc.integer({ min: 0, max: 100 }), { maxKeys: 4 })),
          { maxKeys: 12 },
        ),
        pathProgress: fc.option(fc.dictionary(questionId, fc.record({ status: fc.constantFrom(...PATH_STEP_STATUSES), note: fc.string({ maxLength: 80 }) }, { requiredKeys: ['status'] }), { maxKeys: 4 }), { nil: undefined }),
      })
      .map(({ pathProgress, ...file }) => ({ format: 'trajectoires.diagnostic', formatVersion: 1, ...file, ...(pathProgress ? { pathProgress } : {}) }));
    const newEntry: fc.Arbitrary<NewLibraryEntry> = fc.record({
      title: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      organisationName: fc.string({ maxLength: 60 }),
      status: fc.constantFrom(...DIAGNOSIS_STATUSES),
      completedAt: fc.option(isoDate, { nil: null }),
      step: fc.constantFrom(...WIZARD_STEP_STATES),
      previousId: fc.option(fc.string({ minLength: 1, maxLength: 36 }), { nil: null }),
      file: answersFile,
    });

    it('create then get', async () => {
      const library = libraryOn(new IDBFactory(), { createId: countingIds('p') });
      await fc.assert(
        fc.asyncProperty(newEntry, async (entry) => {
          const created = expectEntry(await library.create(entry));
          expect(created).toEqual({ ...entry, id: created.id, revision: 1 });
          expect(await library.get(created.id)).toEqual({ status: 'found', entry: created });
        }),
        { numRuns: 60 },
      );
    });

    it('save then list', async () => {
      const library = libraryOn(new IDBFactory());
      const base = expectEntry(await library.create(buildNewEntry()));
      await fc.assert(
        fc.asyncProperty(newEntry, async (entry) => {
          const current = await library.get(base.id);
          const revision = current.status === 'found' ? current.entry.revision : 0;
          const saved = expectEntry(await library.save(base.id, changesOf(entry), revision));
          const listed = await library.list();
          expect(listed).toEqual({ status: 'ok', entries: [saved], quarantined: [] });
          expect(listed.status === 'ok' && listed.entries[0]!.file).toEqual(entry.file);
        }),
        { numRuns: 60 },
      );
    });
  });
});
