import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDiagnosisLibrary, type DiagnosisLibrary, type LibraryEntry, type NewLibraryEntry } from '../../src/data/diagnosis-library';
import { createDraftStorage } from '../../src/data/draft-storage';
import { questionnaireIndexQueryOptions } from '../../src/data/questionnaire-queries';
import { createAnswersFile, type Answers } from '../../src/domain/answers';
import { App } from '../../src/ui/app';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';
import { renderApp } from './render-app';

const questionnaire = buildQuestionnaire();
const ORGANISATION = 'Les Amis du Quartier';

function buildEntry(answers: Answers, changes: Partial<NewLibraryEntry> = {}, updatedAt = '2026-11-22T10:00:00.000Z'): NewLibraryEntry {
  return {
    title: null,
    organisationName: ORGANISATION,
    status: 'in-progress',
    completedAt: null,
    step: 'profile',
    previousId: null,
    file: createAnswersFile(questionnaire, answers, new Date(updatedAt), { createdAt: new Date('2026-11-01T09:00:00Z') }),
    ...changes,
  };
}

async function store(library: DiagnosisLibrary, entry: NewLibraryEntry): Promise<LibraryEntry> {
  const created = await library.create(entry);
  if (!created.ok) throw new Error(`the test library refused the diagnosis (${created.reason})`);
  return created.entry;
}

async function readEntry(library: DiagnosisLibrary, id: string): Promise<LibraryEntry> {
  const found = await library.get(id);
  if (found.status !== 'found') throw new Error(`diagnosis ${id}: ${found.status}`);
  return found.entry;
}

/** A step's questions come a frame after its heading. */
const organisationField = () => screen.findByRole('textbox', { name: /Nom de la structure/ }, { timeout: 5_000 });

describe('the diagnosis open in this tab', () => {
  it('reopens on the step named in the address bar after a reload', async () => {
    const library = createDiagnosisLibrary();
    const entry = await store(library, buildEntry(buildAnswers()));
    renderApp(library, { hash: '#/structure', openId: entry.id });
    expect(await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ })).toBeInTheDocument();
    expect((await organisationField())).toHaveValue(ORGANISATION);
  });

  it('keeps the date of the last change: opening and walking through the steps does not re-date it, a change does', async () => {
    const library = createDiagnosisLibrary();
    const entry = await store(library, buildEntry(buildAnswers(), { status: 'completed', completedAt: '2026-11-22T10:00:00.000Z', step: 'synthesis' }));
    renderApp(library, { hash: '#/structure', openId: entry.id });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    await userEvent.click(await screen.findByRole('button', { name: 'Suivant' }, { timeout: 5_000 }));
    await screen.findByRole('heading', { level: 1, name: /Étape 2 sur 7/ });
    await waitFor(async () => expect((await readEntry(library, entry.id)).step).toBe('project'));
    expect((await readEntry(library, entry.id)).file.updatedAt).toBe('2026-11-22T10:00:00.000Z');

    await userEvent.click(await screen.findByRole('button', { name: 'Précédent' }, { timeout: 5_000 }));
    await userEvent.type(await organisationField(), ' (Lyon)');
    await waitFor(async () => expect((await readEntry(library, entry.id)).organisationName).toBe(`${ORGANISATION} (Lyon)`));
    const amended = await readEntry(library, entry.id);
    expect(Date.parse(amended.file.updatedAt)).toBeGreaterThan(Date.parse('2026-11-22T10:00:00.000Z'));
    // Amending a finished diagnosis keeps it finished, with its completion date.
    expect(amended).toMatchObject({ status: 'completed', completedAt: '2026-11-22T10:00:00.000Z' });
  });

  it('says when answers cannot be saved on the device, offers to export them, and asks before leaving them', async () => {
    const library = createDiagnosisLibrary();
    const entry = await store(library, buildEntry(buildAnswers()));
    const full: DiagnosisLibrary = { ...library, save: async () => ({ ok: false, reason: 'quota' }) };
    renderApp(full, { hash: '#/structure', openId: entry.id });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    // Opening writes nothing: the first change is what the full disk refuses.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.type(await organisationField(), ' (Lyon)');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/stockage de ce navigateur est plein/);
    expect(within(alert).getByRole('button', { name: 'Exporter mes réponses' })).toBeEnabled();

    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    act(() => {
      window.history.pushState(null, '', '#/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/ne sont pas enregistrées sur cet appareil/));
    expect((await organisationField())).toHaveValue(`${ORGANISATION} (Lyon)`);
    confirm.mockRestore();
  });

  it('works without browser storage (private mode): told on the welcome page, answers kept in the page with an export', async () => {
    const library = createDiagnosisLibrary({ getIndexedDb: () => undefined });
    renderApp(library);
    expect(await screen.findByRole('note')).toHaveTextContent(/navigation privée/);
    await userEvent.click(screen.getByRole('button', { name: /^Commencer/ }));
    await userEvent.type(await organisationField(), 'La Ruche');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/ne peuvent pas être enregistrées sur cet appareil/);
    expect(within(alert).getByRole('button', { name: 'Exporter mes réponses' })).toBeEnabled();
    expect((await organisationField())).toHaveValue('La Ruche');
  });

  it('takes the warning away when the other tab leaves the diagnosis', async () => {
    const library = createDiagnosisLibrary();
    const entry = await store(library, buildEntry(buildAnswers()));
    renderApp(library, { hash: '#/structure', openId: entry.id });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    const release = createDiagnosisLibrary().watchEditing(entry.id, () => {});
    expect(await screen.findByText(/aussi ouvert dans un autre onglet/)).toBeInTheDocument();
    release();
    await waitFor(() => expect(screen.queryByText(/aussi ouvert dans un autre onglet/)).not.toBeInTheDocument());
  });

  it('warns when another tab edits the same diagnosis, and never overwrites what that tab saved', async () => {
    const library = createDiagnosisLibrary();
    const otherTab = createDiagnosisLibrary();
    const entry = await store(library, buildEntry(buildAnswers()));
    renderApp(library, { hash: '#/structure', openId: entry.id });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    const release = otherTab.watchEditing(entry.id, () => {});
    expect(await screen.findByText(/aussi ouvert dans un autre onglet/)).toBeInTheDocument();

    // The other tab saves first; this tab's next change must not replace it.
    const current = await readEntry(otherTab, entry.id);
    const theirs = { ...current.file, answers: { ...current.file.answers, [questionnaire.bindings.organisationName]: 'Version de l’autre onglet' } };
    const saved = await otherTab.save(entry.id, { file: theirs, step: 'profile', status: 'in-progress', completedAt: null, organisationName: 'Version de l’autre onglet' }, current.revision);
    expect(saved.ok).toBe(true);
    await userEvent.type(await organisationField(), ' bis');
    expect(await screen.findByText(/modifié dans un autre onglet/, {}, { timeout: 5_000 })).toBeInTheDocument();
    expect((await readEntry(library, entry.id)).organisationName).toBe('Version de l’autre onglet');

    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer mes réponses comme un nouveau diagnostic' }));
    await waitFor(async () => {
      const listed = await library.list();
      expect(listed.status === 'ok' ? listed.entries.map((listedEntry) => listedEntry.organisationName).sort() : []).toEqual([`${ORGANISATION} bis`, 'Version de l’autre onglet']);
    });
    release();
  });
});

describe('a reload in the middle of a save', () => {
  /** Stores a diagnosis, opens it in a tab whose writes never finish, adds « (Lyon) » to the organisation's name, then reloads. */
  async function typeThenReloadMidSave(library: DiagnosisLibrary): Promise<LibraryEntry> {
    const entry = await store(library, buildEntry(buildAnswers()));
    // A write that never finishes, as when the page is reloaded while IndexedDB is still busy.
    const stalled: DiagnosisLibrary = { ...library, save: () => new Promise(() => {}) };
    renderApp(stalled, { hash: '#/structure', openId: entry.id });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    await userEvent.type(await organisationField(), ' (Lyon)');
    cleanup();
    return entry;
  }

  it('loses nothing: the tab’s pending copy reopens and is stored', async () => {
    const library = createDiagnosisLibrary();
    const entry = await typeThenReloadMidSave(library);

    renderApp(library, { hash: '#/structure' });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    expect((await organisationField())).toHaveValue(`${ORGANISATION} (Lyon)`);
    await waitFor(async () => expect((await readEntry(library, entry.id)).organisationName).toBe(`${ORGANISATION} (Lyon)`));
  });

  it('says so rather than overwrite when another tab saved the same diagnosis in between', async () => {
    const library = createDiagnosisLibrary();
    const entry = await typeThenReloadMidSave(library);
    const current = await readEntry(library, entry.id);
    const saved = await library.save(entry.id, { ...current, organisationName: 'Autre onglet' }, current.revision);
    expect(saved.ok).toBe(true);

    renderApp(library, { hash: '#/structure' });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    expect((await organisationField())).toHaveValue(`${ORGANISATION} (Lyon)`);
    expect(await screen.findByText(/modifié dans un autre onglet/, {}, { timeout: 5_000 })).toBeInTheDocument();
    expect((await readEntry(library, entry.id)).organisationName).toBe('Autre onglet');
  });

  it('keeps a diagnosis through a reload even without browser storage for the library', async () => {
    const library = createDiagnosisLibrary({ getIndexedDb: () => undefined });
    renderApp(library);
    await userEvent.click(await screen.findByRole('button', { name: /^Commencer/ }));
    await userEvent.type(await organisationField(), 'La Ruche');
    await screen.findByRole('alert');
    cleanup();

    renderApp(library, { hash: '#/structure' });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    expect((await organisationField())).toHaveValue('La Ruche');
  });
});

/**
 * Opens a stored diagnosis and types « ab » into its organisation's name: the write of « …a » lands
 * after `delayMs`, the write of « …ab » never finishes, as when the page reloads in between.
 */
async function typeWithSlowThenStalledWrites(delayMs: number) {
  const library = createDiagnosisLibrary();
  const entry = await store(library, buildEntry(buildAnswers()));
  let landed = 0;
  const organisationOf = (changes: { file: { answers: Answers } }) => String(changes.file.answers[questionnaire.bindings.organisationName]);
  const slowThenStalled: DiagnosisLibrary = {
    ...library,
    save: (id, changes, revision) => {
      if (organisationOf(changes).endsWith('ab')) return new Promise(() => {});
      return new Promise((resolve) => setTimeout(() => resolve(library.save(id, changes, revision).finally(() => (landed += 1))), delayMs));
    },
  };
  renderApp(slowThenStalled, { hash: '#/structure', openId: entry.id });
  await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
  await userEvent.type(await organisationField(), 'ab');
  return { library, entry, landed: () => landed };
}

describe('a reload while writes are in flight, typing fast', () => {
  it('takes no write of its own for another tab’s: the pending copy follows each revision stored', async () => {
    const { library, entry, landed } = await typeWithSlowThenStalledWrites(80);
    // The write of « …a » is slow but lands; the write of « …ab » never finishes (the page reloads first).
    await waitFor(() => expect(landed()).toBe(1));
    cleanup();

    renderApp(library, { hash: '#/structure' });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    expect((await organisationField())).toHaveValue(`${ORGANISATION}ab`);
    await waitFor(async () => expect((await readEntry(library, entry.id)).organisationName).toBe(`${ORGANISATION}ab`));
    expect(screen.queryByText(/modifié dans un autre onglet/)).not.toBeInTheDocument();
  });
});

describe('a reload while this tab’s write is still landing', () => {
  it('takes that write for its own, not another tab’s: no false conflict, the latest answers stored', async () => {
    const { library, entry, landed } = await typeWithSlowThenStalledWrites(150);
    // « …a » lands only after the page has gone; « …ab » never does (the page died first).
    cleanup();
    await waitFor(() => expect(landed()).toBe(1));

    renderApp(library, { hash: '#/structure' });
    await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
    expect((await organisationField())).toHaveValue(`${ORGANISATION}ab`);
    await waitFor(async () => expect((await readEntry(library, entry.id)).organisationName).toBe(`${ORGANISATION}ab`));
    expect(screen.queryByText(/modifié dans un autre onglet/)).not.toBeInTheDocument();
  });
});

describe('leaving the diagnosis while writes are still queued', () => {
  it('stores the last change anyway, and the welcome page lists it once stored', async () => {
    const library = createDiagnosisLibrary();
    // A slow disk: every write takes a while, so the changes queue up behind each other.
    const slow = <T,>(write: () => Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(write()), 40));
    const slowLibrary: DiagnosisLibrary = {
      ...library,
      create: (entry) => slow(() => library.create(entry)),
      save: (id, changes, revision) => slow(() => library.save(id, changes, revision)),
    };
    renderApp(slowLibrary);
    await userEvent.click(await screen.findByRole('button', { name: /^Commencer/ }));
    await userEvent.type(await organisationField(), 'La Ruche');
    // Back to the welcome page at once, as the browser's Back button does.
    act(() => {
      window.history.pushState(null, '', '#/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByRole('heading', { level: 3, name: /^La Ruche/ }, { timeout: 5_000 })).toBeInTheDocument();
    const listed = await library.list();
    expect(listed.status === 'ok' ? listed.entries.map((entry) => entry.organisationName) : []).toEqual(['La Ruche']);
  });
});

describe('moving to the library', () => {
  it('adopts the draft earlier versions kept in localStorage, and lists it', async () => {
    const drafts = createDraftStorage();
    drafts.save({ step: 'financialResources', file: createAnswersFile(questionnaire, buildAnswers(), new Date('2026-10-01T10:00:00Z')), organisationName: ORGANISATION });
    const library = createDiagnosisLibrary();
    window.history.replaceState(null, '', '#/');
    const queryClient = new QueryClient();
    queryClient.setQueryData(questionnaireIndexQueryOptions.queryKey, []);
    render(
      <QueryClientProvider client={queryClient}>
        <App library={library} drafts={drafts} />
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('heading', { name: /Les Amis du Quartier/ })).toBeInTheDocument();
    expect(screen.getByText(/En cours · étape « Ressources financières »/)).toBeInTheDocument();
    expect(drafts.load()).toEqual({ status: 'none' });
  });
});
