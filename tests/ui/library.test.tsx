import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createStore, set } from 'idb-keyval';
import { LIBRARY_DATABASE_NAME, LIBRARY_STORE_NAME, createDiagnosisLibrary, type DiagnosisLibrary, type LibraryEntry, type NewLibraryEntry } from '../../src/data/diagnosis-library';
import { createAnswersFile, type Answers } from '../../src/domain/answers';
import { i18n } from '../../src/i18n/i18n';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';
import { buildAnswersAt100, buildMigratedQuestionnaire } from '../domain/migration-fixtures';
import { renderApp } from './render-app';

const questionnaire = buildQuestionnaire();

function buildEntry(organisationName: string, updatedAt: string, changes: Partial<NewLibraryEntry> = {}, answers: Answers = buildAnswers()): NewLibraryEntry {
  return {
    title: null,
    organisationName,
    status: 'completed',
    completedAt: updatedAt,
    step: 'synthesis',
    previousId: null,
    file: createAnswersFile(questionnaire, { ...answers, [questionnaire.bindings.organisationName]: organisationName }, new Date(updatedAt), {
      respondent: { name: 'Camille', role: 'benevole' },
    }),
    ...changes,
  };
}

async function store(library: DiagnosisLibrary, entry: NewLibraryEntry): Promise<LibraryEntry> {
  const created = await library.create(entry);
  if (!created.ok) throw new Error(`the test library refused the diagnosis (${created.reason})`);
  return created.entry;
}

async function listNames(library: DiagnosisLibrary): Promise<string[]> {
  const listed = await library.list();
  return listed.status === 'ok' ? listed.entries.map((entry) => entry.title ?? entry.organisationName) : [];
}

const organisationCard = (name: RegExp) => screen.findByRole('article', { name });

/** The notice shown on opening a diagnosis (the page has other live regions: the update banner's). */
function findOpeningNotice(): Promise<HTMLElement> {
  return waitFor(() => {
    const notice = screen.getAllByRole('status').find((region) => region.classList.contains('opening-notice'));
    if (!notice) throw new Error('no opening notice yet');
    return notice;
  });
}

describe('the library of diagnoses on the welcome page', () => {
  it('lists diagnoses by organisation, most recent first, with questionnaire, status, date and respondent', async () => {
    const library = createDiagnosisLibrary();
    await store(library, buildEntry('La Ruche', '2025-11-20T10:00:00Z'));
    await store(library, buildEntry('Les Amis du Quartier', '2026-03-02T10:00:00Z', { status: 'in-progress', completedAt: null, step: 'financialResources' }));
    await store(library, buildEntry('la ruche', '2026-11-20T10:00:00Z'));
    renderApp(library);

    const ruche = await organisationCard(/La Ruche · 2 diagnostics/i);
    const librarySection = screen.getByRole('region', { name: 'Vos diagnostics sur cet appareil' });
    const headings = within(librarySection).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['la ruche · 2 diagnostics', 'Les Amis du Quartier · 1 diagnostic']);
    const rows = within(ruche).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent(/Diagnostic de test.*Terminé le 20 novembre 2026.*Dernière modification le 20 novembre 2026.*Répondant·e : Camille, Bénévole/);
    expect(rows[1]).toHaveTextContent(/20 novembre 2025/);
    const amis = await organisationCard(/Les Amis du Quartier/);
    expect(within(amis).getByText('En cours · étape « Ressources financières »')).toBeInTheDocument();
    expect(within(amis).getByRole('button', { name: /^Reprendre : Les Amis du Quartier, 2 mars 2026/ })).toBeInTheDocument();
    // Comparing needs two diagnoses of the organisation.
    expect(within(ruche).getByRole('button', { name: 'Comparer' })).toBeInTheDocument();
    expect(within(amis).queryByRole('button', { name: 'Comparer' })).not.toBeInTheDocument();
  });

  it('renames, duplicates and deletes (after confirmation) a diagnosis', async () => {
    const library = createDiagnosisLibrary();
    await store(library, buildEntry('La Ruche', '2026-11-20T10:00:00Z'));
    renderApp(library);
    const card = await organisationCard(/La Ruche/);

    await userEvent.click(within(card).getByRole('button', { name: /^Renommer/ }));
    const field = within(card).getByRole('textbox', { name: 'Nouveau nom du diagnostic' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Bilan 2026{Enter}');
    expect(await within(card).findByText('Bilan 2026')).toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: /^Dupliquer : Bilan 2026/ }));
    await waitFor(async () => expect((await listNames(library)).sort()).toEqual(['Bilan 2026', 'Bilan 2026 (copie)']));

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const deleteCopy = await screen.findByRole('button', { name: /^Supprimer : Bilan 2026 \(copie\)/ });
    await userEvent.click(deleteCopy);
    expect(confirm).toHaveBeenLastCalledWith(expect.stringMatching(/Supprimer définitivement le diagnostic « Bilan 2026 \(copie\) »/));
    expect(await listNames(library)).toHaveLength(2);
    await userEvent.click(deleteCopy);
    await waitFor(async () => expect(await listNames(library)).toEqual(['Bilan 2026']));
    confirm.mockRestore();
  });

  it('titles a copy in the interface language of the moment', async () => {
    const library = createDiagnosisLibrary();
    await store(library, buildEntry('La Ruche', '2026-11-20T10:00:00Z'));
    await i18n.changeLanguage('en');
    renderApp(library);

    await userEvent.click(within(await organisationCard(/La Ruche/)).getByRole('button', { name: /^Duplicate: La Ruche/ }));
    await waitFor(async () => expect((await listNames(library)).sort()).toEqual(['La Ruche', 'La Ruche (copy)']));
  });

  it('« Refaire le diagnostic » opens a new diagnosis pre-filled from the last one, and leaves the old one intact', async () => {
    const library = createDiagnosisLibrary();
    const source = await store(library, buildEntry('La Ruche', '2025-11-20T10:00:00Z'));
    renderApp(library);
    await userEvent.click(within(await organisationCard(/La Ruche/)).getByRole('button', { name: /^Refaire le diagnostic/ }));

    expect(await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ })).toBeInTheDocument();
    // The notice fills its live region once it is on the page, so that screen readers announce it.
    const notice = await findOpeningNotice();
    await waitFor(() => expect(notice).toHaveTextContent('pré-rempli avec vos réponses du 20 novembre 2025'));
    expect(await screen.findByRole('textbox', { name: /Nom de la structure/ }, { timeout: 5_000 })).toHaveValue('La Ruche');
    await userEvent.type(screen.getByRole('textbox', { name: /Nom de la structure/ }), ' solidaire');

    await waitFor(async () => {
      const listed = await library.list();
      const redone = listed.status === 'ok' ? listed.entries.find((entry) => entry.id !== source.id) : undefined;
      expect(redone).toMatchObject({ previousId: source.id, status: 'in-progress', organisationName: 'La Ruche solidaire' });
    });
    const kept = await library.get(source.id);
    expect(kept.status === 'found' ? kept.entry : null).toEqual(source);
  });

  it('opens the comparison of two diagnoses, older first whatever the order chosen', async () => {
    const library = createDiagnosisLibrary();
    const older = await store(library, buildEntry('La Ruche', '2025-11-20T10:00:00Z'));
    const newer = await store(library, buildEntry('La Ruche', '2026-11-20T10:00:00Z'));
    renderApp(library);
    const card = await organisationCard(/La Ruche/);
    await userEvent.selectOptions(within(card).getByRole('combobox', { name: 'Le plus ancien' }), newer.id);
    await userEvent.selectOptions(within(card).getByRole('combobox', { name: 'Le plus récent' }), newer.id);
    await userEvent.click(within(card).getByRole('button', { name: 'Comparer' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Choisissez deux diagnostics différents.');
    await userEvent.selectOptions(within(card).getByRole('combobox', { name: 'Le plus récent' }), older.id);
    await userEvent.click(within(card).getByRole('button', { name: 'Comparer' }));
    expect(window.location.hash).toBe(`#/comparer/${older.id}/${newer.id}`);
  });

  it('sets aside a damaged record, keeps the others readable, and offers it for download before deleting it', async () => {
    const library = createDiagnosisLibrary();
    await store(library, buildEntry('La Ruche', '2026-11-20T10:00:00Z'));
    await set('diagnostic:abime', { version: 1, entry: { id: 'abime', file: 'pas un diagnostic' } }, createStore(LIBRARY_DATABASE_NAME, LIBRARY_STORE_NAME));
    renderApp(library);

    expect(await screen.findByRole('heading', { name: 'Un enregistrement illisible a été mis de côté' })).toBeInTheDocument();
    expect(await organisationCard(/La Ruche/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Télécharger l’enregistrement abîmé' })).toBeEnabled();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer l’enregistrement abîmé' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Un enregistrement illisible a été mis de côté' })).not.toBeInTheDocument());
    confirm.mockRestore();
  });

  it('leaves the diagnoses of a newer version of the app untouched, and says how to read them', async () => {
    const library = createDiagnosisLibrary();
    await store(library, buildEntry('La Ruche', '2026-11-20T10:00:00Z'));
    const fromTheFuture = { version: 2, entry: { id: 'futur', a: 'format inconnu' } };
    await set('diagnostic:futur', fromTheFuture, createStore(LIBRARY_DATABASE_NAME, LIBRARY_STORE_NAME));
    renderApp(library);
    expect(await screen.findByText(/Un diagnostic enregistré par une version plus récente de Trajectoires ne peut pas être lu ici/)).toBeInTheDocument();
    expect(await organisationCard(/La Ruche/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Un enregistrement illisible a été mis de côté' })).not.toBeInTheDocument();
  });

  it('refuses to open a diagnosis made with a newer questionnaire version, and leaves it untouched', async () => {
    const library = createDiagnosisLibrary();
    const entry = buildEntry('La Ruche', '2026-11-20T10:00:00Z');
    const newer = await store(library, { ...entry, file: { ...entry.file, questionnaire: { id: questionnaire.id, version: '99.0.0' } } });
    renderApp(library);
    await userEvent.click(within(await organisationCard(/La Ruche/)).getByRole('button', { name: /^Ouvrir : La Ruche/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/plus récente que la version/);
    expect(screen.queryByRole('heading', { level: 1, name: /Étape/ })).not.toBeInTheDocument();
    const kept = await library.get(newer.id);
    expect(kept.status === 'found' ? kept.entry : null).toEqual(newer);
  });

  it('opens a diagnosis of an older questionnaire version migrated, tells what was kept, mapped and dropped, and stores it migrated', async () => {
    const migrated = buildMigratedQuestionnaire();
    const library = createDiagnosisLibrary();
    const old = buildEntry('La Ruche', '2025-11-20T10:00:00Z', {}, buildAnswersAt100({ [questionnaire.bindings.organisationName]: 'La Ruche' }));
    const entry = await store(library, { ...old, file: { ...old.file, questionnaire: { id: migrated.id, version: '1.0.0' } } });
    renderApp(library, { questionnaire: migrated });
    await userEvent.click(within(await organisationCard(/La Ruche/)).getByRole('button', { name: /^Ouvrir : La Ruche/ }));

    const notice = await findOpeningNotice();
    await waitFor(() => expect(notice).toHaveTextContent('Le questionnaire a changé depuis ce diagnostic'));
    expect(notice).toHaveTextContent(/version 1\.0\.0/);
    expect(notice).toHaveTextContent('Les questions sur les bénévoles ont été regroupées.');
    expect(notice).toHaveTextContent('La question sur le mécénat a été retirée.');
    await waitFor(async () => {
      const stored = await library.get(entry.id);
      expect(stored.status === 'found' ? stored.entry.file.questionnaire.version : null).toBe(migrated.version);
    });
    const stored = await library.get(entry.id);
    const answers = stored.status === 'found' ? stored.entry.file.answers : {};
    // Renamed answers moved to their new ids; the removed question's answer stays in the file, not scored.
    expect(answers).toMatchObject({ 'hr-volunteers': expect.anything(), 'al-partners': expect.anything(), 'fin-mecenat': 'l2', 'has-staff': 'oui' });
    expect(answers).not.toHaveProperty('benevoles');
    // A migration is not a change by a person: the date of the last change stays.
    expect(stored.status === 'found' ? stored.entry.file.updatedAt : null).toBe(old.file.updatedAt);
  });
});
