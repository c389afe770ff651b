import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import { WizardActorContext } from '../../src/machine/wizard-actor-context';
import { DiagnosisFileContext } from '../../src/ui/diagnosis-file';
import { WizardShell } from '../../src/ui/wizard/wizard-shell';
import { buildAnswers, buildFullToolkitTools, buildQuestionnaire, buildToolkit } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();

function renderWizardOnSynthesis() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(toolkitQueryOptions().queryKey, buildToolkit(buildFullToolkitTools()));
  return render(
    <QueryClientProvider client={queryClient}>
      <DiagnosisFileContext.Provider value={{ createdAt: '2026-11-22T10:00:00.000Z', respondent: {}, lastChange: { at: '2026-11-22T10:00:00.000Z', content: null } }}>
        <WizardActorContext.Provider options={{ input: { questionnaire, answers: buildAnswers(), resumeAt: 'synthesis' } }}>
          <WizardShell onNewDiagnosis={() => {}} />
        </WizardActorContext.Provider>
      </DiagnosisFileContext.Provider>
    </QueryClientProvider>,
  );
}

function renderWizardOnProfile() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <DiagnosisFileContext.Provider value={{ createdAt: '2026-11-22T10:00:00.000Z', respondent: {}, lastChange: { at: '2026-11-22T10:00:00.000Z', content: null } }}>
        <WizardActorContext.Provider options={{ input: { questionnaire, answers: buildAnswers() } }}>
          <WizardShell onNewDiagnosis={() => {}} />
        </WizardActorContext.Provider>
      </DiagnosisFileContext.Provider>
    </QueryClientProvider>,
  );
}

describe('wizard shell', () => {
  it('writes a step’s address after its paint: one entry from the welcome page, one per step, none for a step left before its paint', async () => {
    window.history.replaceState(null, '', '#/');
    const entriesAtStart = window.history.length;
    // Frames are held: nothing is written until they run.
    const frames: FrameRequestCallback[] = [];
    const requestFrame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const paint = async () => {
      await act(async () => {
        frames.splice(0).forEach((callback) => callback(performance.now()));
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    };
    try {
      const user = userEvent.setup();
      renderWizardOnProfile();
      expect(window.location.hash).toBe('#/');
      await paint();
      expect(window.location.hash).toBe('#/structure');
      expect(window.history.length).toBe(entriesAtStart + 1);
      // Two steps before a paint: only the second one is written.
      await user.click(screen.getByRole('button', { name: /Projet/ }));
      await user.click(screen.getByRole('button', { name: /Richesses humaines/ }));
      expect(window.location.hash).toBe('#/structure');
      await paint();
      expect(window.location.hash).toBe('#/richesses-humaines');
      expect(window.history.length).toBe(entriesAtStart + 2);
    } finally {
      requestFrame.mockRestore();
    }
  });

  it('leaves alone an address the page moved to before the step’s paint (a pasted share link)', async () => {
    window.history.replaceState(null, '', '#/');
    const frames: FrameRequestCallback[] = [];
    const requestFrame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      renderWizardOnProfile();
      window.history.pushState(null, '', '#/partage/abc');
      await act(async () => {
        frames.splice(0).forEach((callback) => callback(performance.now()));
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      expect(window.location.hash).toBe('#/partage/abc');
    } finally {
      requestFrame.mockRestore();
    }
  });

  it('writes a step’s pending address when the page is hidden for good before its paint', async () => {
    window.history.replaceState(null, '', '#/');
    const requestFrame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      renderWizardOnProfile();
      expect(window.location.hash).toBe('#/');
      window.dispatchEvent(new Event('pagehide'));
      expect(window.location.hash).toBe('#/structure');
    } finally {
      requestFrame.mockRestore();
    }
  });

  it('opens the step of an answer from "Modifier" and puts focus on that question', async () => {
    const user = userEvent.setup();
    renderWizardOnSynthesis();
    // The synthesis is a lazy chunk: its first import in a run (cold transform) can outlast findBy's default second.
    await user.click(await screen.findByRole('link', { name: 'Modifier la réponse à « Question fin-stability »' }, { timeout: 10_000 }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ressources financières');
    expect(document.activeElement).toHaveAttribute('id', 'q-fin-stability');
    // The address follows once the step is painted.
    await waitFor(() => expect(window.location.hash).toBe('#/ressources-financieres'));
  });

  it('puts focus on the heading when a step is opened from the stepper', async () => {
    const user = userEvent.setup();
    renderWizardOnSynthesis();
    await screen.findByRole('region', { name: 'Vos réponses' }, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: /Projet/ }));
    expect(document.activeElement).toHaveAttribute('id', 'step-heading');
  });
});
