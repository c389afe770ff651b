import fc from 'fast-check';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { promisifyRequest } from 'idb-keyval';
import { createAnswersFile, RESPONDENT_ROLES, type AnswersFile } from '../../src/domain/answers';
import type { Group } from '../../src/domain/group';
import { createGroupStorage, GROUP_DATABASE_NAME, GROUP_RECORD_KEY, GROUP_STORE_NAME } from '../../src/data/group-storage';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';
import { openFailingLater, openThrowing } from './failing-indexed-db';

const questionnaire = buildQuestionnaire();

function buildMemberFile(name: string, overrides: Partial<AnswersFile> = {}): AnswersFile {
  return { ...createAnswersFile(questionnaire, buildAnswers(), new Date('2026-11-22T10:00:00Z'), { respondent: { name, role: 'benevole' } }), ...overrides };
}

function buildGroup(memberCount = 2): Group {
  return {
    questionnaireId: questionnaire.id,
    members: Array.from({ length: memberCount }, (_, index) => ({ id: `m${index}`, file: buildMemberFile(`Personne ${index}`) })),
    agreedAnswers: { 'project-clarity': 'l3' },
  };
}

/** Writes a value under the group's key without going through the storage, as an older or broken version would. */
async function writeRawRecord(factory: IDBFactory, value: unknown): Promise<void> {
  const request = factory.open(GROUP_DATABASE_NAME);
  request.onupgradeneeded = () => request.result.createObjectStore(GROUP_STORE_NAME);
  const database = await promisifyRequest(request);
  const transaction = database.transaction(GROUP_STORE_NAME, 'readwrite');
  transaction.objectStore(GROUP_STORE_NAME).put(value, GROUP_RECORD_KEY);
  await promisifyRequest(transaction);
  database.close();
}

function storageOn(factory: IDBFactory) {
  return createGroupStorage({ getIndexedDb: () => factory });
}

/** Resolves when the listener is called, or with 'silent' after a while. */
function waitForCall(subscribe: (listener: () => void) => () => void, timeoutMs = 200): { called: Promise<'called' | 'silent'>; unsubscribe: () => void } {
  let unsubscribe = () => {};
  const called = new Promise<'called' | 'silent'>((resolve) => {
    unsubscribe = subscribe(() => resolve('called'));
    setTimeout(() => resolve('silent'), timeoutMs);
  });
  return { called, unsubscribe: () => unsubscribe() };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the group kept on this device', () => {
  it('finds nothing on a fresh device', async () => {
    expect(await storageOn(new IDBFactory()).load()).toEqual({ status: 'none' });
  });

  it('gives back the group it saved, in another storage on the same device too', async () => {
    const factory = new IDBFactory();
    const group = buildGroup();
    expect(await storageOn(factory).save(group)).toEqual({ ok: true });
    expect(await storageOn(factory).load()).toEqual({ status: 'found', group });
  });

  it('forgets the group when cleared', async () => {
    const storage = storageOn(new IDBFactory());
    await storage.save(buildGroup());
    await storage.clear();
    expect(await storage.load()).toEqual({ status: 'none' });
  });

  it('gives back any valid group exactly as saved', async () => {
    // Ids as questionnaires write them (kebab-case): zod's records drop a « __proto__ » key, which no questionnaire uses.
    const questionId = fc.stringMatching(/^[a-z][a-z0-9-]{0,19}$/);
    const memberFile = fc.record({
      name: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      role: fc.option(fc.constantFrom(...RESPONDENT_ROLES), { nil: undefined }),
      answers: fc.dictionary(
        questionId,
        fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.dictionary(questionId, fc.integer({ min: 0, max: 100 }))),
        { maxKeys: 8 },
      ),
      day: fc.integer({ min: 1, max: 28 }),
    });
    const groups = fc
      .tuple(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 6 }), fc.array(memberFile, { minLength: 6, maxLength: 6 }), fc.dictionary(questionId, fc.oneof(fc.string(), fc.integer()), { maxKeys: 4 }))
      .map(([ids, files, agreedAnswers]): Group => ({
        questionnaireId: questionnaire.id,
        members: ids.map((id, index) => {
          const { name, role, answers, day } = files[index]!;
          const respondent = { ...(name === undefined ? {} : { name }), ...(role === undefined ? {} : { role }) };
          return { id, file: createAnswersFile(questionnaire, answers, new Date(Date.UTC(2026, 10, day)), { respondent }) };
        }),
        agreedAnswers,
      }));
    const storage = storageOn(new IDBFactory());
    await fc.assert(
      fc.asyncProperty(groups, async (group) => {
        expect(await storage.save(group)).toEqual({ ok: true });
        expect(await storage.load()).toEqual({ status: 'found', group });
      }),
      { numRuns: 60 },
    );
  });

  describe('a record it cannot read is kept for recovery, never used', () => {
    const validGroup = buildGroup(1);
    it.each([
      ['a text instead of a record', 'pas un groupe', 'unreadable'],
      ['a record without a version', { group: validGroup }, 'damaged'],
      ['a record from a newer version of the tool', { version: 2, group: validGroup }, 'newer'],
      ['a group without its members', { version: 1, group: { questionnaireId: questionnaire.id, agreedAnswers: {} } }, 'damaged'],
      ['a member whose answers file is broken', { version: 1, group: { ...validGroup, members: [{ id: 'm0', file: { ...buildMemberFile('X'), format: 'autre' } }] } }, 'damaged'],
    ] as const)('%s', async (_, stored, reason) => {
      const factory = new IDBFactory();
      await writeRawRecord(factory, stored);
      const result = await storageOn(factory).load();
      // A reason, not a sentence: the interface words it in the language of the moment.
      expect(result).toEqual({ status: 'corrupted', raw: expect.any(String), reason });
      // The raw text is what the person downloads to keep their data: it must be the stored record, as JSON.
      expect(JSON.parse(result.status === 'corrupted' ? result.raw : 'null')).toEqual(stored);
    });
  });

  describe('without IndexedDB (old browser, private window, blocked storage)', () => {
    it.each([
      ['no IndexedDB at all', () => undefined],
      ['a database that throws when opened', () => openThrowing],
      ['a database whose opening fails', () => openFailingLater],
    ])('says unavailable with %s, and clearing does not throw', async (_, getIndexedDb) => {
      const storage = createGroupStorage({ getIndexedDb });
      expect(await storage.load()).toEqual({ status: 'unavailable' });
      expect(await storage.save(buildGroup())).toEqual({ ok: false, reason: 'unavailable' });
      await expect(storage.clear()).resolves.toBeUndefined();
    });

    it('opens again later rather than keeping a failed opening', async () => {
      const factory = new IDBFactory();
      let isBlocked = true;
      const storage = createGroupStorage({ getIndexedDb: () => (isBlocked ? openThrowing : factory) });
      expect(await storage.load()).toEqual({ status: 'unavailable' });
      isBlocked = false;
      expect(await storage.load()).toEqual({ status: 'none' });
    });
  });

  it('says the device is full when the browser refuses for lack of space, and keeps the previous group', async () => {
    const factory = new IDBFactory();
    const storage = storageOn(factory);
    const previous = buildGroup(1);
    await storage.save(previous);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await storage.save(buildGroup(3))).toEqual({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(await storage.load()).toEqual({ status: 'found', group: previous });
  });

  it('says unavailable when a save fails for another reason', async () => {
    const storage = storageOn(new IDBFactory());
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The transaction is not active.', 'TransactionInactiveError');
    });
    expect(await storage.save(buildGroup())).toEqual({ ok: false, reason: 'unavailable' });
  });

  describe('other windows hear every change', () => {
    it.each([
      ['a save', (storage: ReturnType<typeof storageOn>) => storage.save(buildGroup())],
      ['a clear', (storage: ReturnType<typeof storageOn>) => storage.clear()],
    ])('after %s in another window', async (_, change) => {
      const factory = new IDBFactory();
      const projection = storageOn(factory);
      const facilitator = storageOn(factory);
      const { called, unsubscribe } = waitForCall(projection.subscribe);
      await change(facilitator);
      expect(await called).toBe('called');
      unsubscribe();
    });

    it('and can read the new group when they do', async () => {
      const factory = new IDBFactory();
      const projection = storageOn(factory);
      const group = buildGroup(3);
      const seen = new Promise((resolve) => {
        const unsubscribe = projection.subscribe(() => {
          unsubscribe();
          resolve(projection.load());
        });
      });
      await storageOn(factory).save(group);
      expect(await seen).toEqual({ status: 'found', group });
    });

    it('but a window does not hear its own changes', async () => {
      const storage = storageOn(new IDBFactory());
      const { called, unsubscribe } = waitForCall(storage.subscribe);
      await storage.save(buildGroup());
      expect(await called).toBe('silent');
      unsubscribe();
    });

    it('and stops hearing once unsubscribed', async () => {
      const factory = new IDBFactory();
      const projection = storageOn(factory);
      const { called, unsubscribe } = waitForCall(projection.subscribe);
      unsubscribe();
      await storageOn(factory).save(buildGroup());
      expect(await called).toBe('silent');
    });

    it('where BroadcastChannel is missing, subscribing does nothing and saving still works', async () => {
      const storage = createGroupStorage({ getIndexedDb: () => new IDBFactory(), openChannel: () => null });
      const unsubscribe = storage.subscribe(() => {
        throw new Error('never called');
      });
      expect(await storage.save(buildGroup())).toEqual({ ok: true });
      unsubscribe();
    });
  });
});
