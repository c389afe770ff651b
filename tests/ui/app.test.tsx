import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { DraftStorage } from '../../src/data/draft-storage';
import { questionnaireQueryOptions, toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import { createAnswersFile } from '../../src/domain/answers';
import { App } from '../../src/ui/app';
import { buildAnswers, buildFullToolkitTools, buildQuestionnaire, buildToolkit } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();

function renderAppOnAStep(save: DraftStorage['save']) {
  window.history.replaceState(null, '', '#/structure');
  const queryClient = new QueryClient();
  queryClient.setQueryData(questionnaireQueryOptions(questionnaire.id).queryKey, questionnaire);
  queryClient.setQueryData(toolkitQueryOptions.queryKey, buildToolkit(buildFullToolkitTools()));
  const file = createAnswersFile(questionnaire, buildAnswers(), new Date('2026-11-22T10:00:00Z'));
  const storage: DraftStorage = {
    load: () => ({ status: 'found', draft: { step: 'profile', file, organisationName: 'Les Amis du Quartier' } }),
    save,
    clear: () => {},
  };
  render(
    <QueryClientProvider client={queryClient}>
      <App storage={storage} />
    </QueryClientProvider>,
  );
}

describe('app', () => {
  it('reopens the saved diagnosis on the step named in the address bar', () => {
    renderAppOnAStep(() => ({ ok: true }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Étape 1 sur 7');
    expect(screen.getByRole('textbox', { name: /Nom de la structure/ })).toHaveValue('Les Amis du Quartier');
  });

  it('says when answers cannot be saved on the device and offers to export them instead', () => {
    renderAppOnAStep(() => ({ ok: false, reason: 'quota' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/ne peuvent pas être enregistrées sur cet appareil/);
    expect(within(alert).getByRole('button', { name: 'Exporter mes réponses' })).toBeEnabled();
  });
});
