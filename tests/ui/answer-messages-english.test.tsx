import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createGroupStorage } from '../../src/data/group-storage';
import { questionnaireQueryOptions, toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { addGroupMembers, createGroup } from '../../src/domain/group';
import { QuestionnaireSchema, ToolkitSchema } from '../../src/domain/questionnaire-schema';
import { i18n } from '../../src/i18n/i18n';
import { GroupPage } from '../../src/ui/group/group-page';
import { SharedLinkPage } from '../../src/ui/shared-link-page';

const readContent = (name: string): unknown => parse(readFileSync(path.join(process.cwd(), 'questionnaires', `${name}.yaml`), 'utf8'));
const questionnaires = ['diagnostic-express', 'diagnostic-complet'].map((name) => QuestionnaireSchema.parse(readContent(name)));
const toolkit = ToolkitSchema.parse(readContent('toolkit'));
const readPersonaText = (name: string) => readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'personas', `${name}.json`), 'utf8');
const jsonFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });

function createQueryClient() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const language of ['fr', 'en'] as const) {
    for (const questionnaire of questionnaires) queryClient.setQueryData(questionnaireQueryOptions(questionnaire.id, language).queryKey, questionnaire);
    queryClient.setQueryData(toolkitQueryOptions(language).queryKey, toolkit);
  }
  return queryClient;
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

describe('refusals in English', () => {
  it('tells in English why the group view refuses a file, a duplicate and one of another questionnaire', async () => {
    const user = userEvent.setup();
    const storage = createGroupStorage({ getIndexedDb: () => new IDBFactory() });
    const club = parseAnswersFile(JSON.parse(readPersonaText('club-sportif-express')));
    if (!club.ok) throw new Error(club.errors.join('\n'));
    await storage.save(addGroupMembers(createGroup(club.file.questionnaire.id), [club.file], () => 'member-1').group);
    render(
      <QueryClientProvider client={createQueryClient()}>
        <GroupPage onBack={() => {}} onStartWorkshop={() => {}} storage={storage} />
      </QueryClientProvider>,
    );

    await user.upload(await screen.findByLabelText('Answers files'), [
      jsonFile('broken.json', '{ not JSON'),
      jsonFile('complet.json', readPersonaText('club-sportif-complet')),
      jsonFile('club-again.json', readPersonaText('club-sportif-express')),
    ]);

    const report = await screen.findByRole('status', { name: 'Import result' });
    await waitFor(() => expect(report).toHaveTextContent('3 sources refused:'));
    const reasonOf = (name: string) => within(report).getByText(name).closest('li')?.querySelector('li')?.textContent;
    expect(reasonOf('broken.json')).toBe('“broken.json” is not a readable JSON file.');
    expect(reasonOf('complet.json')).toBe('This file answers the questionnaire “diagnostic-complet”, not “diagnostic-express”.');
    expect(reasonOf('club-again.json')).toBe('This self-assessment is already in the group (same answers, same dates).');
  });

  it('tells in English why a share link cannot be opened, and in French once the person switches back', async () => {
    render(
      <QueryClientProvider client={createQueryClient()}>
        <SharedLinkPage link="https://asso.example.org/#/partage/abc!" onOpen={() => {}} onAddToGroup={async () => null} onCancel={() => {}} />
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'This share link cannot be opened' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This share link is incomplete or damaged: it may have been cut off when it was copied.');

    await act(() => i18n.changeLanguage('fr'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Ce lien de partage est incomplet ou abîmé : il a peut-être été coupé en le copiant.'),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });
});
