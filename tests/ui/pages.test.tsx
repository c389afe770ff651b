import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDiagnosisLibrary, type NewLibraryEntry } from '../../src/data/diagnosis-library';
import { createGroupStorage } from '../../src/data/group-storage';
import { LANGUAGE_KEY, PENDING_COPY_KEY, describeLocalData, eraseAllLocalData, type EraseOutcome, type LocalDataOptions } from '../../src/data/local-data';
import { i18n, LANGUAGE_STORAGE_KEY } from '../../src/i18n/i18n';
import { PENDING_SAVE_KEY } from '../../src/ui/library/pending-save-slot';
import { AccessibilityPage } from '../../src/ui/pages/accessibility-page';
import { DataPage } from '../../src/ui/pages/data-page';
import { buildAnswers, buildAnswersFile } from '../domain/fixtures';

function buildEntry(organisationName: string): NewLibraryEntry {
  return { title: null, organisationName, status: 'completed', completedAt: '2026-11-20T10:30:00.000Z', step: 'synthesis', previousId: null, file: buildAnswersFile(buildAnswers()) };
}

/** This test's browser (setup.ts gives each test a fresh IndexedDB), filled as a person using the app would. */
async function fillDevice(): Promise<LocalDataOptions> {
  const factory = indexedDB;
  const library = createDiagnosisLibrary({ getIndexedDb: () => factory, openChannel: () => null });
  const groupStorage = createGroupStorage({ getIndexedDb: () => factory, openChannel: () => null });
  await library.create(buildEntry('Les Amis du Quartier'));
  await library.create(buildEntry('Le Club'));
  const members = ['Awa', 'Brice', 'Chloé'].map((name, index) => ({ id: `m${index}`, file: buildAnswersFile(buildAnswers(), { respondent: { name } }) }));
  await groupStorage.save({ questionnaireId: 'test-mse', members, agreedAnswers: {} });
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  localStorage.setItem('autre-application', 'à garder');
  sessionStorage.setItem(PENDING_SAVE_KEY, '{}');
  return { getIndexedDb: () => factory, library, groupStorage };
}

function renderDataPage(options: LocalDataOptions, onErased: (outcome: EraseOutcome) => void = () => {}) {
  return render(<DataPage describe={() => describeLocalData(options)} erase={() => eraseAllLocalData(options)} onErased={onErased} />);
}

async function listDatabaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? '').sort();
}

describe('the « Vos données » page', () => {
  it('reads the keys the rest of the app really writes', () => {
    expect(PENDING_COPY_KEY).toBe(PENDING_SAVE_KEY);
    expect(LANGUAGE_KEY).toBe(LANGUAGE_STORAGE_KEY);
  });

  it('says what is stored on this device, under one h1 and h2 sections', async () => {
    const options = await fillDevice();
    renderDataPage(options);

    const heading = screen.getByRole('heading', { level: 1, name: 'Vos données' });
    expect(heading).toHaveFocus();
    expect(document.title).toBe('Vos données – Trajectoires');
    expect(screen.getAllByRole('heading', { level: 2 }).map((element) => element.textContent)).toEqual([
      'Ce qui est enregistré',
      'Où',
      'Pour combien de temps',
      'Emporter vos données',
      'Tout effacer',
    ]);
    const stored = screen.getByRole('region', { name: 'Ce qui est enregistré' });
    await within(stored).findByText('2 diagnostics dans votre liste (page d’accueil).');
    expect(within(stored).getByText('Un groupe de 3 répondant·es dans la vue collective.')).toBeInTheDocument();
    expect(within(stored).getByText('Votre choix de langue : English.')).toBeInTheDocument();
    expect(within(stored).getByText(/copie de secours de vos dernières réponses/)).toBeInTheDocument();
    expect(screen.getByText(/Dans ce navigateur, sur cet appareil/)).toBeInTheDocument();
    expect(screen.getByText(/« trajectoires-diagnostics » et « trajectoires »/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Retour à l’accueil' })).toHaveAttribute('href', '#/');
  });

  it('tells an empty device plainly', async () => {
    renderDataPage({ getIndexedDb: () => indexedDB, library: createDiagnosisLibrary({ openChannel: () => null }), groupStorage: createGroupStorage({ openChannel: () => null }) });
    expect(await screen.findByText('Aucun diagnostic dans votre liste.')).toBeInTheDocument();
    expect(screen.getByText('Aucun groupe dans la vue collective.')).toBeInTheDocument();
    expect(screen.getByText('Aucun choix de langue : l’outil s’ouvre en français.')).toBeInTheDocument();
  });

  it('asks before erasing, and cancelling erases nothing and gives focus back to the button', async () => {
    const user = userEvent.setup();
    const options = await fillDevice();
    const erase = vi.fn(() => eraseAllLocalData(options));
    render(<DataPage describe={() => describeLocalData(options)} erase={erase} />);
    await screen.findByText('2 diagnostics dans votre liste (page d’accueil).');

    await user.click(screen.getByRole('button', { name: 'Effacer toutes mes données de cet appareil' }));
    const confirmation = screen.getByRole('group', { name: 'Tout effacer de cet appareil ?' });
    expect(confirmation).toHaveFocus();
    expect(confirmation).toHaveAccessibleDescription(/fichiers que vous avez exportés .* ne sont pas touchés.*ne peut pas être annulée/);

    await user.click(within(confirmation).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('group', { name: 'Tout effacer de cet appareil ?' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Effacer toutes mes données de cet appareil' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Rien n’a été effacé.');
    expect(erase).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Effacer toutes mes données de cet appareil' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Effacer toutes mes données de cet appareil' })).toHaveFocus();
    expect(erase).not.toHaveBeenCalled();
    expect(await listDatabaseNames()).toEqual(['trajectoires', 'trajectoires-diagnostics']);
  });

  it('erases everything once confirmed, announces it and shows the empty device', async () => {
    const user = userEvent.setup();
    const options = await fillDevice();
    const onErased = vi.fn();
    renderDataPage(options, onErased);
    await screen.findByText('2 diagnostics dans votre liste (page d’accueil).');

    await user.click(screen.getByRole('button', { name: 'Effacer toutes mes données de cet appareil' }));
    await user.click(screen.getByRole('button', { name: 'Oui, tout effacer' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('C’est fait : plus rien de Trajectoires n’est gardé sur cet appareil.'));
    expect(onErased).toHaveBeenCalledWith({ ok: true, failures: [] });
    expect(await screen.findByText('Aucun diagnostic dans votre liste.')).toBeInTheDocument();
    expect(screen.getByText('Aucun groupe dans la vue collective.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Tout effacer' })).toHaveFocus();
    expect(await listDatabaseNames()).toEqual([]);
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
    expect(sessionStorage.getItem(PENDING_SAVE_KEY)).toBeNull();
    expect(localStorage.getItem('autre-application')).toBe('à garder');
  });

  it('says what could not be erased, and why', async () => {
    const user = userEvent.setup();
    const outcome: EraseOutcome = { ok: false, failures: [{ place: 'library-database', reason: 'blocked' }] };
    const emptySummary = await describeLocalData({ getIndexedDb: () => undefined });
    render(<DataPage describe={async () => emptySummary} erase={async () => outcome} />);
    await user.click(screen.getByRole('button', { name: 'Effacer toutes mes données de cet appareil' }));
    await user.click(screen.getByRole('button', { name: 'Oui, tout effacer' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('L’effacement n’est pas complet :'));
    expect(within(status).getByRole('listitem')).toHaveTextContent('vos diagnostics : l’outil est encore ouvert dans un autre onglet ou une autre fenêtre. Fermez-les, puis recommencez.');
    expect(screen.getByText(/Ce navigateur refuse l’enregistrement durable/)).toBeInTheDocument();
  });

  it('says so when erasing fails outright, without claiming anything was erased', async () => {
    const user = userEvent.setup();
    const onErased = vi.fn();
    const emptySummary = await describeLocalData({ getIndexedDb: () => undefined });
    render(<DataPage describe={async () => emptySummary} erase={() => Promise.reject(new Error('boom'))} onErased={onErased} />);
    await user.click(screen.getByRole('button', { name: 'Effacer toutes mes données de cet appareil' }));
    await user.click(screen.getByRole('button', { name: 'Oui, tout effacer' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('L’effacement n’a pas pu se faire.'));
    expect(onErased).not.toHaveBeenCalled();
  });

  it('speaks English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    renderDataPage({ getIndexedDb: () => undefined });
    expect(screen.getByRole('heading', { level: 1, name: 'Your data' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Erase all my data from this device' })).toBeInTheDocument();
    expect(await screen.findByText('No diagnosis in your list.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toBeInTheDocument();
  });
});

describe('the accessibility statement', () => {
  it('claims partial compliance, says what was tested and what is not accessible, and is dated', () => {
    render(<AccessibilityPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Accessibilité' })).toHaveFocus();
    expect(document.title).toBe('Accessibilité – Trajectoires');
    expect(screen.getAllByRole('heading', { level: 2 }).map((element) => element.textContent)).toEqual([
      'État de conformité',
      'Ce qui a été vérifié, et comment',
      'Ce qui n’est pas encore accessible',
      'Signaler un problème',
    ]);
    expect(screen.getByText(/partiellement conforme au RGAA 4\.1/)).toBeInTheDocument();
    expect(screen.getByText(/aucun audit complet du RGAA n’a été mené/)).toBeInTheDocument();
    const tested = screen.getByRole('region', { name: 'Ce qui a été vérifié, et comment' });
    for (const fact of [/axe-core dans Chromium sans interface/, /clavier seul/, /320 pixels .* zoom à 200 %/, /réduire les animations/, /La couleur ne porte jamais seule/]) {
      expect(within(tested).getByText(fact)).toBeInTheDocument();
    }
    expect(screen.getByText(/Le rapport PDF n’est pas balisé/)).toBeInTheDocument();
    expect(screen.getByText(/dites-le à l’organisation qui vous l’a recommandé/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/@|totalement conforme|entièrement conforme/);
    expect(screen.getByText('Déclaration établie le 23 novembre 2026.')).toHaveAttribute('datetime', '2026-11-23');
    expect(screen.getByRole('link', { name: 'Retour à l’accueil' })).toHaveAttribute('href', '#/');
  });

  it('dates the statement the English way in English', async () => {
    await i18n.changeLanguage('en');
    render(<AccessibilityPage homeHref="#/accueil" />);
    expect(screen.getByText('Statement made on 23 November 2026.')).toBeInTheDocument();
    expect(screen.getByText(/partially compliant with RGAA 4\.1/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '#/accueil');
  });
});
