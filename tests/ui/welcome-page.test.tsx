import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { questionnaireIndexQueryOptions } from '../../src/data/questionnaire-queries';
import type { DraftLoadResult } from '../../src/data/draft-storage';
import { createAnswersFile } from '../../src/domain/answers';
import { WelcomePage } from '../../src/ui/welcome-page';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const index = [
  { id: 'diagnostic-complet', version: '1.0.0', title: 'Diagnostic complet', durationMinutes: 25, locale: 'fr-FR' },
  { id: 'diagnostic-express', version: '1.0.0', title: 'Diagnostic express', durationMinutes: 10, locale: 'fr-FR' },
];

function renderWelcome(draft: DraftLoadResult, handlers: Partial<Parameters<typeof WelcomePage>[0]> = {}) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(questionnaireIndexQueryOptions.queryKey, index);
  const props = { draft, onStart: vi.fn(), onResume: vi.fn(), onDiscardDraft: vi.fn(), onImport: vi.fn(), onOpenGroup: vi.fn(), importErrors: [], ...handlers };
  render(
    <QueryClientProvider client={queryClient}>
      <WelcomePage {...props} />
    </QueryClientProvider>,
  );
  return props;
}

describe('welcome page', () => {
  it('offers each questionnaire with the time it takes', async () => {
    const props = renderWelcome({ status: 'none' });
    expect(screen.getByRole('article', { name: 'Diagnostic express' })).toHaveTextContent('Environ 10 minutes');
    expect(screen.getByRole('article', { name: 'Diagnostic complet' })).toHaveTextContent('Environ 25 minutes');
    await userEvent.click(screen.getByRole('button', { name: 'Commencer : Diagnostic express' }));
    expect(props.onStart).toHaveBeenCalledWith('diagnostic-express');
  });

  it('says that answers stay on the device', () => {
    renderWelcome({ status: 'none' });
    expect(screen.getByText(/restent sur cet appareil/)).toBeInTheDocument();
  });

  it('offers to resume a saved diagnosis, naming the organisation and the step', async () => {
    const draft = { step: 'financialResources' as const, file: createAnswersFile(questionnaire, buildAnswers(), new Date('2026-11-22T10:00:00Z')), organisationName: 'Les Amis du Quartier' };
    const props = renderWelcome({ status: 'found', draft });
    expect(screen.getByText(/Les Amis du Quartier · Ressources financières/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reprendre là où je me suis arrêté' }));
    expect(props.onResume).toHaveBeenCalled();
  });

  it('explains a corrupted save and offers its raw text', () => {
    renderWelcome({ status: 'corrupted', raw: '{oops' });
    expect(screen.getByRole('heading', { name: 'La sauvegarde de cet appareil est illisible' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Télécharger la sauvegarde brute' })).toBeInTheDocument();
  });

  it('warns when the browser cannot save', () => {
    renderWelcome({ status: 'unavailable' });
    expect(screen.getByRole('note')).toHaveTextContent(/navigation privée/);
  });

  it('lists the reasons an imported file was refused', () => {
    renderWelcome({ status: 'none' }, { importErrors: ['« x.json » n’est pas un fichier JSON lisible.'] });
    expect(screen.getByRole('alert')).toHaveTextContent('n’est pas un fichier JSON lisible');
  });
});
