import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WizardStepState } from '../../src/domain/wizard-steps';
import { WizardActorContext } from '../../src/machine/wizard-actor-context';
import { WizardShell } from '../../src/ui/wizard/wizard-shell';
import { buildAnswers, buildFullToolkitTools, buildQuestionnaire, buildToolkit } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();

function renderWizard(answers = {}, { resumeAt, queryClient = new QueryClient() }: { resumeAt?: WizardStepState; queryClient?: QueryClient } = {}) {
  return render(
    <QueryClientProvider client={queryClient}>
      <WizardActorContext.Provider options={{ input: { questionnaire, answers, ...(resumeAt ? { resumeAt } : {}) } }}>
        <WizardShell onNewDiagnosis={() => {}} />
      </WizardActorContext.Provider>
    </QueryClientProvider>,
  );
}

/** A step shows its heading at once and its questions and buttons just after its first paint (the form busy meanwhile). */
const findNext = () => screen.findByRole('button', { name: 'Suivant' }, { timeout: 5_000 });

async function waitForWholeStep() {
  await waitFor(() => expect(document.querySelector('form.step-form')).not.toHaveAttribute('aria-busy'), { timeout: 5_000 });
}

describe('question step', () => {
  it('shows the heading with the step and its questions and buttons just after, the form busy meanwhile', async () => {
    const { container } = renderWizard();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Profil');
    expect(container.querySelectorAll('.step-form > .field')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Suivant' })).not.toBeInTheDocument();
    expect(container.querySelector('form.step-form')).toHaveAttribute('aria-busy', 'true');
    await waitForWholeStep();
    expect(container.querySelectorAll('.step-form > .field').length).toBe(questionnaire.steps[0]?.questions.length);
    expect(screen.getByRole('button', { name: 'Suivant' })).toBeInTheDocument();
  });

  it('shows the progress and the step title as the page heading', () => {
    renderWizard();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Étape 1 sur 7');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Profil');
  });

  it('lists every missing answer in a focused summary and beside each field', async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.click(await findNext());
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getAllByRole('link')).toHaveLength(3);
    const nameField = screen.getByRole('textbox', { name: /Nom de la structure/ });
    expect(nameField).toHaveAttribute('aria-invalid', 'true');
    expect(nameField).toHaveAccessibleDescription(/attend une réponse/);
  });

  it('offers nothing to send before its questions are there, and a key pressed meanwhile brings them: Tab from the heading reaches the first question', async () => {
    // No frame is ever painted: the step stays at its heading until a key is pressed.
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      const user = userEvent.setup();
      const { container } = renderWizard();
      const form = container.querySelector('form.step-form')!;
      expect(form).toHaveAttribute('aria-busy', 'true');
      expect(within(form as HTMLElement).queryAllByRole('button')).toEqual([]);
      expect(container.querySelectorAll('.step-form > .field')).toHaveLength(0);
      screen.getByRole('heading', { level: 1 }).focus();
      await user.tab();
      expect(screen.getByRole('textbox', { name: /Nom de la structure/ })).toHaveFocus();
      expect(form).not.toHaveAttribute('aria-busy');
    } finally {
      frames.mockRestore();
    }
  });

  it('moves focus to the field when its entry in the summary is followed', async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.click(await findNext());
    await user.click(within(await screen.findByRole('alert')).getByRole('link', { name: /Nom de la structure/ }));
    expect(screen.getByRole('textbox', { name: /Nom de la structure/ })).toHaveFocus();
  });

  it('says what is wrong with a number out of range', async () => {
    const user = userEvent.setup();
    renderWizard();
    await waitForWholeStep();
    await user.type(screen.getByRole('textbox', { name: /Nombre de bénévoles/ }), '5000');
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(screen.getByRole('textbox', { name: /Nombre de bénévoles/ })).toHaveAccessibleDescription(/entre 0 et 1000/);
  });

  it('renders a rubric question as a radio group with described levels and its reserved answers', async () => {
    const user = userEvent.setup();
    renderWizard(buildAnswers());
    // The fixture's answers are complete: the stepper opens the human-resources step.
    await user.click(screen.getByRole('button', { name: /Richesses humaines/ }));
    await waitForWholeStep();
    const group = screen.getByRole('group', { name: /^Question hr-training/ });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['l1', 'l2', 'l3', 'l4', 'not-applicable', 'dont-know']);
    expect(within(group).getByRole('radio', { name: /Niveau 2.*Description 2/ })).toBeChecked();
  });

  it('goes to the next step once the required answers are given', async () => {
    const user = userEvent.setup();
    renderWizard();
    await waitForWholeStep();
    await user.type(screen.getByRole('textbox', { name: /Nom de la structure/ }), 'Les Amis');
    await user.click(screen.getByRole('radio', { name: 'Oui' }));
    await user.type(screen.getByRole('textbox', { name: /Nombre de bénévoles/ }), '12');
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Étape 2 sur 7');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('fetches the synthesis’ toolkit once the last questions are shown, and not before', async () => {
    const toolkit = buildToolkit(buildFullToolkitTools());
    const fetchMock = vi.fn(async (url: string) => (String(url).endsWith('toolkit.json') ? new Response(JSON.stringify(toolkit)) : new Response('', { status: 404 })));
    vi.stubGlobal('fetch', fetchMock);
    // Loaded beforehand, so that the wait below would see the fetch if the step before the last asked for it.
    await import('../../src/ui/synthesis/synthesis-step');
    try {
      const queryClient = new QueryClient();
      const { unmount } = renderWizard(buildAnswers(), { resumeAt: 'financialResources', queryClient });
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ressources financières');
      await waitForWholeStep();
      // Time for an idle prefetch to start, were it asked for here (in act: the step may still render).
      await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
      expect(queryClient.getQueryState(['toolkit', 'fr'])).toBeUndefined();
      unmount();
      renderWizard(buildAnswers(), { resumeAt: 'priorities', queryClient });
      await waitFor(() => expect(queryClient.getQueryState(['toolkit', 'fr'])?.status).toBe('success'), { timeout: 10_000 });
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual([expect.stringMatching(/toolkit\.json$/)]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows a conditional question only when its condition holds', async () => {
    const user = userEvent.setup();
    renderWizard(buildAnswers({ 'has-staff': 'non' }));
    await user.click(screen.getByRole('button', { name: /Richesses humaines/ }));
    await waitForWholeStep();
    expect(screen.queryByRole('group', { name: /^Question hr-staff-skills/ })).toBeNull();
    expect(screen.getByRole('group', { name: /^Question hr-training/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Profil/ }));
    await waitForWholeStep();
    await user.click(screen.getByRole('radio', { name: 'Oui' }));
    await user.click(screen.getByRole('button', { name: /Richesses humaines/ }));
    await waitForWholeStep();
    expect(screen.getByRole('group', { name: /^Question hr-staff-skills/ })).toBeInTheDocument();
  });

  it('keeps a running total of the shares', async () => {
    const user = userEvent.setup();
    renderWizard(buildAnswers({ 'fin-shares': {} as never }));
    await user.click(screen.getByRole('button', { name: /Ressources financières/ }));
    await waitForWholeStep();
    const subventions = screen.getByRole('textbox', { name: 'Subventions' });
    await user.clear(subventions);
    await user.type(subventions, '62,5');
    expect(screen.getByText(/Total : 62,5 %/)).toBeInTheDocument();
    expect(screen.getByText(/il reste 37,5 % à répartir/)).toBeInTheDocument();
  });
});
