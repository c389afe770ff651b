import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDiagnosisLibrary } from '../../src/data/diagnosis-library';
import { createGroupStorage } from '../../src/data/group-storage';
import { buildShareLink } from '../../src/data/share-link';
import { createAnswersFile, type Answers } from '../../src/domain/answers';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';
import { renderApp as renderAppOn } from './render-app';

const questionnaire = buildQuestionnaire();

async function renderApp(answers: Answers, { isWorkshop }: { isWorkshop: boolean }) {
  if (isWorkshop) window.sessionStorage.setItem('trajectoires.atelier', 'on');
  const file = createAnswersFile(questionnaire, answers, new Date('2026-11-22T10:00:00Z'));
  const library = createDiagnosisLibrary();
  const created = await library.create({
    title: null,
    organisationName: 'Les Amis du Quartier',
    status: 'in-progress',
    completedAt: null,
    step: 'profile',
    previousId: null,
    file,
  });
  if (!created.ok) throw new Error('the test library refused the diagnosis');
  const groupStorage = createGroupStorage();
  // The diagnosis open in this tab: a reload on a step reopens it. The questionnaire index is left to the app's own fetch.
  renderAppOn(library, { hash: '#/structure', openId: created.entry.id, questionnaire, groupStorage, withIndex: false });
  await screen.findByRole('heading', { level: 1, name: /Étape 1 sur 7/ });
  return { groupStorage, library, id: created.entry.id };
}

describe('who is answering', () => {
  it('saves the respondent’s name and role with the diagnosis', async () => {
    const { library, id } = await renderApp(buildAnswers(), { isWorkshop: false });
    await userEvent.type(screen.getByRole('textbox', { name: 'Votre nom ou vos initiales' }), 'Camille');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Votre rôle dans la structure' }), 'Bénévole');
    await waitFor(async () => {
      const saved = await library.get(id);
      expect(saved.status === 'found' ? saved.entry.file.respondent : null).toEqual({ name: 'Camille', role: 'benevole' });
    });
  });

  it('does not show the workshop controls to a person answering alone', async () => {
    await renderApp(buildAnswers(), { isWorkshop: false });
    expect(screen.queryByRole('button', { name: 'Participant suivant' })).not.toBeInTheDocument();
  });
});

describe('workshop mode', () => {
  it('adds the participant’s answers to the group and starts a blank diagnosis', async () => {
    const { groupStorage } = await renderApp(buildAnswers(), { isWorkshop: true });
    expect(await screen.findByText('Mode atelier · participant n° 1')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Votre rôle dans la structure' }), 'Salarié·e');
    await userEvent.click(screen.getByRole('button', { name: 'Participant suivant' }));

    expect(await screen.findByText(/le groupe compte 1 participant\. À vous/)).toBeInTheDocument();
    expect(await screen.findByText('Mode atelier · participant n° 2')).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: /Nom de la structure/ }, { timeout: 5_000 })).toHaveValue('');
    const loaded = await groupStorage.load();
    expect(loaded.status === 'found' ? loaded.group.members.map((member) => member.file.respondent) : []).toEqual([{ role: 'salarie' }]);
  });

  it('leaves neither the participants’ answers nor an empty diagnosis in the library when the workshop ends', async () => {
    const { library } = await renderApp(buildAnswers(), { isWorkshop: true });
    await userEvent.click(await screen.findByRole('button', { name: 'Participant suivant' }));
    await screen.findByText('Mode atelier · participant n° 2');
    await userEvent.click(screen.getByRole('button', { name: /Terminer l’atelier/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Vue collective' })).toBeInTheDocument();
    // The group and its questionnaire load after the heading: the test ends on a settled page.
    await waitFor(() => expect(screen.queryByText(/^Chargement/)).toBeNull(), { timeout: 5_000 });
    const listed = await library.list();
    expect(listed.status === 'ok' ? listed.entries : null).toEqual([]);
  });

  it('asks before saving a participant who has not finished, and keeps the answers when refused', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { groupStorage } = await renderApp({ [questionnaire.bindings.organisationName]: 'Les Amis du Quartier' }, { isWorkshop: true });
    await userEvent.click(await screen.findByRole('button', { name: 'Participant suivant' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/pas répondu à toutes les questions/));
    expect(await groupStorage.load()).toEqual({ status: 'none' });
    expect(await screen.findByRole('textbox', { name: /Nom de la structure/ }, { timeout: 5_000 })).toHaveValue('Les Amis du Quartier');
    confirm.mockRestore();
  });

  it.each([
    [false, 1],
    [true, 0],
  ])('offers « Refaire le diagnostic » on the synthesis only outside a workshop (workshop: %s)', async (isWorkshop, count) => {
    await renderApp(buildAnswers(), { isWorkshop });
    act(() => {
      window.history.pushState(null, '', '#/synthese');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: /Étape 7 sur 7/ })).toBeInTheDocument();
    await screen.findByRole('button', { name: 'Exporter mes réponses' }, { timeout: 5_000 });
    expect(screen.queryAllByRole('button', { name: /^Refaire le diagnostic/ })).toHaveLength(count);
  });

  it('refuses to save a participant who answered nothing', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const { groupStorage } = await renderApp({}, { isWorkshop: true });
    await userEvent.click(await screen.findByRole('button', { name: 'Participant suivant' }));
    expect(alert).toHaveBeenCalledWith(expect.stringMatching(/rien à enregistrer/));
    await waitFor(async () => expect(await groupStorage.load()).toEqual({ status: 'none' }));
    alert.mockRestore();
  });
});

describe('share links', () => {
  it('opens a share link pasted in the address bar of a diagnosis in progress, and asks before importing', async () => {
    await renderApp(buildAnswers(), { isWorkshop: false });
    const shared = createAnswersFile(questionnaire, { ...buildAnswers(), [questionnaire.bindings.organisationName]: 'La Ruche Solidaire' }, new Date('2026-11-20T10:00:00Z'), {
      respondent: { name: 'Sam', role: 'partenaire' },
    });
    window.location.hash = new URL(buildShareLink(shared, window.location.href)).hash;

    expect(await screen.findByRole('heading', { level: 1, name: 'Ouvrir un diagnostic partagé' })).toBeInTheDocument();
    expect(screen.getByText(/La Ruche Solidaire · Sam · Partenaire/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ne rien importer' }));
    // Back on the welcome page, the diagnosis that was in progress is offered, untouched.
    expect(await screen.findByRole('heading', { name: /Les Amis du Quartier/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Reprendre : Les Amis du Quartier/ })).toBeInTheDocument();
  });

  it('adds a shared diagnosis to the group view when asked', async () => {
    const { groupStorage } = await renderApp(buildAnswers(), { isWorkshop: false });
    const shared = createAnswersFile(questionnaire, buildAnswers(), new Date('2026-11-20T10:00:00Z'), { respondent: { role: 'benevole' } });
    window.location.hash = new URL(buildShareLink(shared, window.location.href)).hash;
    await userEvent.click(await screen.findByRole('button', { name: 'Ajouter à la vue collective' }));
    await waitFor(async () => {
      const loaded = await groupStorage.load();
      expect(loaded.status === 'found' ? loaded.group.members.map((member) => member.file) : []).toEqual([shared]);
    });
    expect(window.location.hash).toBe('#/groupe');
  });
});
