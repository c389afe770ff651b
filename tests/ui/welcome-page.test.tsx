import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { questionnaireIndexQueryOptions } from '../../src/data/questionnaire-queries';
import { WelcomePage } from '../../src/ui/welcome-page';
const index = [
  { id: 'diagnostic-complet', version: '1.0.0', title: 'Diagnostic complet', durationMinutes: 25, locale: 'fr-FR' },
  { id: 'diagnostic-express', version: '1.0.0', title: 'Diagnostic express', durationMinutes: 10, locale: 'fr-FR' },
];

function renderWelcome(handlers: Partial<Parameters<typeof WelcomePage>[0]> = {}) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(questionnaireIndexQueryOptions.queryKey, index);
  const props = { onStart: vi.fn(), onImport: vi.fn(), onOpenGroup: vi.fn(), importErrors: [], ...handlers };
  render(
    <QueryClientProvider client={queryClient}>
      <WelcomePage {...props} />
    </QueryClientProvider>,
  );
  return props;
}

describe('welcome page', () => {
  it('offers each questionnaire with the time it takes', async () => {
    const props = renderWelcome();
    expect(screen.getByRole('article', { name: 'Diagnostic express' })).toHaveTextContent('Environ 10 minutes');
    expect(screen.getByRole('article', { name: 'Diagnostic complet' })).toHaveTextContent('Environ 25 minutes');
    await userEvent.click(screen.getByRole('button', { name: 'Commencer : Diagnostic express' }));
    expect(props.onStart).toHaveBeenCalledWith('diagnostic-express');
  });

  it('says that answers stay on the device', () => {
    renderWelcome();
    expect(screen.getByText(/restent sur cet appareil/)).toBeInTheDocument();
  });

  it('lists the reasons an imported file was refused', () => {
    renderWelcome({ importErrors: ['« x.json » n’est pas un fichier JSON lisible.'] });
    expect(screen.getByRole('alert')).toHaveTextContent('n’est pas un fichier JSON lisible');
  });
});
