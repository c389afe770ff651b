import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createGroupStorage, type GroupStorage } from '../../src/data/group-storage';
import { questionnaireQueryOptions, toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import type { AnswersFile } from '../../src/domain/answers';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { addGroupMembers, createGroup } from '../../src/domain/group';
import { QuestionnaireSchema, ToolkitSchema } from '../../src/domain/questionnaire-schema';
import { i18n } from '../../src/i18n/i18n';
import { GroupPage } from '../../src/ui/group/group-page';

// The real content, parsed by the real schema (the scripts' loader reads import.meta.url, which jsdom's URL refuses).
const readContent = (name: string): unknown => parse(readFileSync(path.join(process.cwd(), 'questionnaires', `${name}.yaml`), 'utf8'));
const questionnaires = ['diagnostic-express', 'diagnostic-complet'].map((name) => QuestionnaireSchema.parse(readContent(name)));
const toolkit = ToolkitSchema.parse(readContent('toolkit'));

function readPersonaText(name: string): string {
  return readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'personas', `${name}.json`), 'utf8');
}

function readPersona(name: string, respondent?: AnswersFile['respondent']): AnswersFile {
  const parsed = parseAnswersFile(JSON.parse(readPersonaText(name)));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return respondent ? { ...parsed.file, respondent } : parsed.file;
}

function createStorage(factory: IDBFactory): GroupStorage {
  return createGroupStorage({ getIndexedDb: () => factory });
}

let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
});

function renderGroupPage(storage = createStorage(factory)) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const questionnaire of questionnaires) queryClient.setQueryData(questionnaireQueryOptions(questionnaire.id).queryKey, questionnaire);
  queryClient.setQueryData(toolkitQueryOptions().queryKey, toolkit);
  const props = { onBack: vi.fn(), onStartWorkshop: vi.fn() };
  render(
    <QueryClientProvider client={queryClient}>
      <GroupPage {...props} storage={storage} />
    </QueryClientProvider>,
  );
  return { ...props, storage };
}

async function seedGroup(files: AnswersFile[]) {
  let next = 0;
  const { group } = addGroupMembers(createGroup(files[0]!.questionnaire.id), files, () => `member-${++next}`);
  const saved = await createStorage(factory).save(group);
  expect(saved).toEqual({ ok: true });
  return group;
}

function jsonFile(name: string, text: string): File {
  return new File([text], name, { type: 'application/json' });
}

describe('group page', () => {
  it('opens with its heading focused and explains how to gather answers when there is no group', async () => {
    renderGroupPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Vue collective' })).toHaveFocus();
    expect(await screen.findByRole('heading', { name: 'Aucune réponse rassemblée pour l’instant' })).toBeInTheDocument();
    expect(screen.getByText(/exporte son fichier de réponses ou envoie un lien de partage/)).toBeInTheDocument();
    for (const name of ['Importer des réponses', 'Lancer un atelier', 'Voir la démonstration']) {
      expect(screen.getByRole('button', { name })).toBeEnabled();
    }
  });

  it('imports two valid files, refuses a broken one with its reason, and shows the new group', async () => {
    const user = userEvent.setup();
    const { storage } = renderGroupPage();
    await user.click(await screen.findByRole('button', { name: 'Importer des réponses' }));
    expect(screen.getByRole('heading', { name: 'Importer des réponses' })).toHaveFocus();

    await user.upload(screen.getByLabelText('Fichiers de réponses'), [
      jsonFile('club.json', readPersonaText('club-sportif-express')),
      jsonFile('association.json', readPersonaText('association-sociale-express')),
      jsonFile('casse.json', '{ pas du JSON'),
    ]);

    const report = await screen.findByRole('status', { name: 'Résultat de l’import' });
    await waitFor(() => expect(report).toHaveTextContent('2 réponses ajoutées.'));
    expect(within(report).getByText('1 source refusée :')).toBeInTheDocument();
    const refused = within(report).getByText('casse.json').closest('li')!;
    expect(refused).toHaveTextContent(/n’est pas un fichier JSON lisible/);

    expect(await screen.findByText('2 répondant·es')).toBeInTheDocument();
    const stored = await storage.load();
    expect(stored.status === 'found' && stored.group.members).toHaveLength(2);
  });

  it('refuses a file of another questionnaire and a duplicate, without adding them', async () => {
    const user = userEvent.setup();
    await seedGroup([readPersona('club-sportif-express')]);
    const { storage } = renderGroupPage();
    await user.upload(await screen.findByLabelText('Fichiers de réponses'), [
      jsonFile('complet.json', readPersonaText('club-sportif-complet')),
      jsonFile('encore-club.json', readPersonaText('club-sportif-express')),
    ]);
    const report = screen.getByRole('status', { name: 'Résultat de l’import' });
    await waitFor(() => expect(report).toHaveTextContent('Aucune réponse ajoutée.'));
    expect(within(report).getByText('complet.json').closest('li')).toHaveTextContent(/questionnaire « diagnostic-complet », pas à « diagnostic-express »/);
    expect(within(report).getByText('encore-club.json').closest('li')).toHaveTextContent(/déjà dans le groupe/);
    const stored = await storage.load();
    expect(stored.status === 'found' && stored.group.members).toHaveLength(1);
  });

  it('keeps respondents anonymous until « Afficher les noms » is ticked', async () => {
    const user = userEvent.setup();
    await seedGroup([readPersona('club-sportif-express'), readPersona('association-sociale-express', { name: 'Sophie Martin', role: 'benevole' })]);
    renderGroupPage();
    const list = await screen.findByRole('list', { name: 'Répondant·es' });
    expect(within(list).getByText('Répondant·e 1 · Administrateur·rice')).toBeInTheDocument();
    expect(within(list).getByText('Répondant·e 2 · Bénévole')).toBeInTheDocument();
    expect(screen.queryByText(/Marc Leroy/)).not.toBeInTheDocument();

    const toggle = screen.getByRole('checkbox', { name: 'Afficher les noms' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(within(list).getByText('Marc Leroy · Administrateur·rice')).toBeInTheDocument();
    expect(within(list).getByText('Sophie Martin · Bénévole')).toBeInTheDocument();
  });

  it.each([
    { members: 20, shownFirst: 20, button: null },
    // Folding away a single row would save nothing: all 21 are shown.
    { members: 21, shownFirst: 21, button: null },
    { members: 23, shownFirst: 20, button: 'Afficher les 3 autres répondant·es' },
  ])('shows $shownFirst of $members respondents first, each with its date and its remove button', async ({ members, shownFirst, button }) => {
    const club = readPersona('club-sportif-express');
    // Distinct answers files: the same persona under other names.
    await seedGroup(Array.from({ length: members }, (_, index) => ({ ...club, respondent: { name: `Personne ${index + 1}`, role: 'benevole' as const } })));
    renderGroupPage();
    const list = await screen.findByRole('list', { name: 'Répondant·es' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(shownFirst);
    expect(items[0]).toHaveTextContent('Répondant·e 1 · Bénévole');
    expect(items[0]).toHaveTextContent('réponses du 20 novembre 2026');
    expect(within(list).getAllByRole('button', { name: /^Retirer Répondant·e \d+ · Bénévole du groupe$/ })).toHaveLength(shownFirst);
    expect(screen.getByText(`${members} répondant·es`)).toBeInTheDocument();
    if (button === null) expect(screen.queryByRole('button', { name: /^Afficher les .* autres/ })).not.toBeInTheDocument();
    else expect(screen.getByRole('button', { name: button })).toBeEnabled();
  });

  it('reveals the other respondents from the keyboard and carries on reading from the first one revealed', async () => {
    const user = userEvent.setup();
    const club = readPersona('club-sportif-express');
    await seedGroup(Array.from({ length: 45 }, (_, index) => ({ ...club, respondent: { name: `Personne ${index + 1}`, role: 'salarie' as const } })));
    renderGroupPage();
    const more = await screen.findByRole('button', { name: 'Afficher les 25 autres répondant·es' });
    more.focus();
    await user.keyboard('{Enter}');

    const list = screen.getByRole('list', { name: 'Répondant·es' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(45);
    expect(items[20]).toHaveTextContent(/^Répondant·e 21 · Salarié·e/);
    expect(items[20]).toHaveFocus();
    expect(more).not.toBeInTheDocument();

    // A revealed respondent is removed like the first ones: after a confirmation.
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(true);
    await user.click(within(items[44]!).getByRole('button', { name: 'Retirer Répondant·e 45 · Salarié·e du groupe' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('44 répondant·es')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(44);
    confirm.mockRestore();
  });

  it('puts the distribution of levels right after the mean, and names each figure for the narrow layout only', async () => {
    await seedGroup([readPersona('club-sportif-express'), readPersona('association-sociale-express')]);
    renderGroupPage();
    for (const name of [/chaque domaine, et nombre/, /chaque dimension, et nombre/]) {
      const table = await screen.findByRole('table', { name });
      const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent);
      expect(headers.slice(1)).toEqual(['Moyenne', 'Répartition des niveaux', 'Min.', 'Max.']);
      const firstRow = within(table).getAllByRole('row')[1]!;
      const cells = within(firstRow).getAllByRole('cell');
      expect(cells[1]!.querySelector('.level-distribution')).not.toBeNull();
      // The written names of the figures are for the eyes: screen readers announce the column headers.
      for (const [index, label] of [[0, 'Moyenne'], [2, 'Min.'], [3, 'Max.']] as const) {
        expect(cells[index]!.querySelector('.spread-cell-name')).toHaveAttribute('aria-hidden', 'true');
        expect(cells[index]!.querySelector('.spread-cell-name')).toHaveTextContent(label);
      }
    }
  });

  it('shows the respondents by role, the spread of each area, and the zones de moindre consensus', async () => {
    await seedGroup([
      readPersona('club-sportif-express'),
      readPersona('association-sociale-express', { role: 'salarie' }),
      readPersona('federation-regionale-express', { role: 'salarie' }),
    ]);
    renderGroupPage();
    expect(await screen.findByText('3 répondant·es')).toBeInTheDocument();
    const roles = screen.getByRole('list', { name: 'Répartition par rôle' });
    expect(roles).toHaveTextContent('Administrateur·rice : 1');
    expect(roles).toHaveTextContent('Salarié·e : 2');

    const areas = screen.getByRole('table', { name: /Score moyen, minimum et maximum sur 100 de chaque domaine/ });
    const humanResources = within(areas).getByRole('rowheader', { name: 'Richesses humaines' }).closest('tr')!;
    // The distribution is written in words, not only drawn: three respondents spread over the levels.
    const counts = [...humanResources.querySelectorAll('.level-count')].map((count) => Number(/(\d+)(, )?$/.exec(count.textContent ?? '')?.[1]));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(3);

    const byRole = screen.getByRole('table', { name: 'Score moyen de chaque domaine par rôle' });
    expect(within(byRole).getByRole('rowheader', { name: 'Salarié·e' }).closest('tr')).toHaveTextContent(/^Salarié·e2/);

    // Three personas of three organisations: the page says so, since a group is one organisation.
    expect(screen.getByText(/Ces réponses portent plusieurs noms de structure/)).toHaveTextContent(/retirez les réponses qui n’en font pas partie/);

    const leastConsensus = screen.getByRole('region', { name: 'Zones de moindre consensus' });
    expect(leastConsensus).toHaveTextContent(/0 quand tout le monde a choisi le même niveau, 1,5 quand la moitié/);
    expect(within(leastConsensus).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(within(leastConsensus).getAllByText(/^Écart : /).length).toBeGreaterThan(0);
  });

  it('says nothing about organisations when every respondent named the same one', async () => {
    await seedGroup([readPersona('club-sportif-express', { role: 'benevole' }), readPersona('club-sportif-express', { role: 'salarie' })]);
    renderGroupPage();
    expect(await screen.findByText('2 répondant·es')).toBeInTheDocument();
    expect(screen.queryByText(/plusieurs noms de structure/)).not.toBeInTheDocument();
  });

  it('removes a respondent only after confirmation', async () => {
    const user = userEvent.setup();
    await seedGroup([readPersona('club-sportif-express'), readPersona('association-sociale-express')]);
    const { storage } = renderGroupPage();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const remove = await screen.findByRole('button', { name: 'Retirer Répondant·e 2 · Administrateur·rice du groupe' });

    await user.click(remove);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByText('2 répondant·es')).toBeInTheDocument();

    await user.click(remove);
    expect(await screen.findByText('1 répondant·e')).toBeInTheDocument();
    const stored = await storage.load();
    expect(stored.status === 'found' && stored.group.members.map((member) => member.file.respondent.name)).toEqual(['Marc Leroy']);
    confirm.mockRestore();
  });

  it('asks before resetting the group, then clears it from the device', async () => {
    const user = userEvent.setup();
    await seedGroup([readPersona('club-sportif-express')]);
    const { storage } = renderGroupPage();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const reset = await screen.findByRole('button', { name: 'Réinitialiser le groupe' });

    await user.click(reset);
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Effacer toutes les réponses du groupe/));
    expect(screen.getByText('1 répondant·e')).toBeInTheDocument();
    expect((await storage.load()).status).toBe('found');

    await user.click(reset);
    expect(await screen.findByRole('heading', { name: 'Aucune réponse rassemblée pour l’instant' })).toBeInTheDocument();
    expect((await storage.load()).status).toBe('none');
    confirm.mockRestore();
  });

  it('offers the workshop for the questionnaire of the group, the projection and the downloads', async () => {
    const user = userEvent.setup();
    await seedGroup([readPersona('club-sportif-express')]);
    const { onStartWorkshop } = renderGroupPage();
    await user.click(await screen.findByRole('button', { name: 'Ajouter des participants (atelier)' }));
    expect(onStartWorkshop).toHaveBeenCalledWith('diagnostic-express');
    expect(screen.getByRole('link', { name: 'Ouvrir la vue projection (nouvelle fenêtre)' })).toHaveAttribute('href', '#/groupe/projection');
    expect(screen.getByRole('button', { name: 'Télécharger le rapport collectif (PDF)' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Exporter les réponses (CSV)' })).toBeEnabled();
  });

  it('explains a corrupted group and offers its raw record before starting again', async () => {
    const user = userEvent.setup();
    const storage: GroupStorage = {
      load: async () => ({ status: 'corrupted', raw: '{"version":9}', reason: 'newer' }),
      save: async () => ({ ok: true }),
      clear: vi.fn(async () => {}),
      subscribe: () => () => {},
    };
    renderGroupPage(storage);
    expect(await screen.findByRole('heading', { name: 'Le groupe enregistré sur cet appareil est illisible' })).toBeInTheDocument();
    expect(screen.getByText('Détail : Le groupe enregistré sur cet appareil vient d’une version plus récente de l’outil ; mettez l’outil à jour pour l’ouvrir.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Télécharger la sauvegarde brute' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Recommencer un groupe vide' }));
    expect(storage.clear).toHaveBeenCalled();
    expect(await screen.findByRole('heading', { name: 'Aucune réponse rassemblée pour l’instant' })).toBeInTheDocument();
  });

  it.each([
    ['unreadable', 'Details: The group saved on this device cannot be read.'],
    ['newer', 'Details: The group saved on this device comes from a newer version of the tool; update the tool to open it.'],
    ['damaged', 'Details: The group saved on this device is incomplete or damaged.'],
  ] as const)('says in English why the stored group cannot be read (%s)', async (reason, text) => {
    await i18n.changeLanguage('en');
    renderGroupPage({ load: async () => ({ status: 'corrupted', raw: '{}', reason }), save: async () => ({ ok: true }), clear: async () => {}, subscribe: () => () => {} });
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it('keeps the group in memory when the device cannot store it, and says it will be lost', async () => {
    const user = userEvent.setup();
    const storage: GroupStorage = {
      load: async () => ({ status: 'unavailable' }),
      save: async () => ({ ok: false, reason: 'unavailable' }),
      clear: async () => {},
      subscribe: () => () => {},
    };
    renderGroupPage(storage);
    expect(await screen.findByRole('note')).toHaveTextContent(/sera perdu à la fermeture/);
    await user.click(screen.getByRole('button', { name: 'Importer des réponses' }));
    await user.upload(screen.getByLabelText('Fichiers de réponses'), [jsonFile('club.json', readPersonaText('club-sportif-express'))]);
    expect(await screen.findByText('1 répondant·e')).toBeInTheDocument();
    const warning = screen.getByRole('note');
    expect(warning).toHaveTextContent(/sera perdu à la fermeture/);
    expect(within(warning).getByRole('button', { name: 'Exporter les réponses (CSV)' })).toBeEnabled();
  });
});
