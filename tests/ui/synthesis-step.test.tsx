import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import { WizardActorContext } from '../../src/machine/wizard-actor-context';
import { DiagnosisDatesContext } from '../../src/ui/diagnosis-dates';
import { SynthesisStep } from '../../src/ui/synthesis/synthesis-step';
import { buildAnswers, buildFullToolkitTools, buildQuestionnaire, buildToolkit } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const toolkit = buildToolkit(buildFullToolkitTools());

function renderSynthesis(answers = buildAnswers()) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(toolkitQueryOptions.queryKey, toolkit);
  return render(
    <QueryClientProvider client={queryClient}>
      <DiagnosisDatesContext.Provider value={{ createdAt: '2026-11-22T10:00:00.000Z' }}>
        <WizardActorContext.Provider options={{ input: { questionnaire, answers, resumeAt: 'synthesis' } }}>
          <SynthesisStep onNewDiagnosis={() => {}} />
        </WizardActorContext.Provider>
      </DiagnosisDatesContext.Provider>
    </QueryClientProvider>,
  );
}

describe('synthesis step', () => {
  it('shows the project and the three pillars with their score and level in a table', () => {
    renderSynthesis();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Projet',
      'Richesses humaines',
      'Ressources financières',
      'Alliances stratégiques',
    ]);
    // hr-volunteers l2 (33) and hr-staff-skills l3 (67) and hr-training l2 (33): mean 44.
    expect(within(rows[1]!).getByText('44')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('En structuration')).toBeInTheDocument();
  });

  it('says "Données insuffisantes" instead of a score when too few answers count', () => {
    renderSynthesis(buildAnswers({ 'al-partners': 'dont-know' }));
    const alliances = screen.getByRole('rowheader', { name: 'Alliances stratégiques' }).closest('tr')!;
    expect(within(alliances).getByText('Données insuffisantes')).toBeInTheDocument();
  });

  it('lists the coherence flags among the points de vigilance', () => {
    renderSynthesis(buildAnswers({ 'fin-shares': { subventions: 80, dons: 10, revenus: 10 } }));
    const vigilance = screen.getByRole('region', { name: 'Points de vigilance' });
    expect(within(vigilance).getByText(/La part « Subventions » représente 80 %/)).toBeInTheDocument();
  });

  it('groups the path by horizon, each step with its reason', () => {
    renderSynthesis();
    const path = screen.getByRole('region', { name: 'Votre Parcours A.D.O.C.' });
    expect(within(path).getByRole('heading', { name: 'Dans les 18 mois' })).toBeInTheDocument();
    const steps = within(path).getAllByRole('listitem');
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) expect(step.textContent).toMatch(/Parce que/);
  });

  it('offers the PDF and the answers export', () => {
    renderSynthesis();
    expect(screen.getByRole('button', { name: 'Télécharger le rapport PDF' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Exporter mes réponses' })).toBeEnabled();
  });
});
