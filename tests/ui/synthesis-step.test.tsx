import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PathProgress } from '../../src/domain/answers';
import { toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import { WizardActorContext } from '../../src/machine/wizard-actor-context';
import { DiagnosisFileContext } from '../../src/ui/diagnosis-file';
import { SynthesisStep } from '../../src/ui/synthesis/synthesis-step';
import { buildAnswers, buildFullToolkitTools, buildQuestionnaire, buildToolkit } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const toolkit = buildToolkit(buildFullToolkitTools());

async function renderSynthesis(answers = buildAnswers(), { pathProgress = {}, onEditAnswer = () => {} }: { pathProgress?: PathProgress; onEditAnswer?: (step: string, questionId: string) => void } = {}) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(toolkitQueryOptions().queryKey, toolkit);
  const view = render(
    <QueryClientProvider client={queryClient}>
      <DiagnosisFileContext.Provider value={{ createdAt: '2026-11-22T10:00:00.000Z', respondent: {}, lastChange: { at: '2026-11-22T10:00:00.000Z', content: null } }}>
        <WizardActorContext.Provider options={{ input: { questionnaire, answers, resumeAt: 'synthesis', pathProgress } }}>
          <ActorSpy onActor={(ref) => (spied.actor = ref)} />
          <SynthesisStep onNewDiagnosis={() => {}} onEditAnswer={onEditAnswer} />
        </WizardActorContext.Provider>
      </DiagnosisFileContext.Provider>
    </QueryClientProvider>,
  );
  // The scores come first, the rest just after the first paint.
  await waitFor(() => expect(view.container.querySelector('.synthesis')).not.toHaveAttribute('aria-busy'), { timeout: 5_000 });
  return { ...view, readProgress: () => spied.actor!.getSnapshot().context.pathProgress };
}

// The real actor of the provider, so that a test can read what the step sent to it.
const spied: { actor: ReturnType<typeof WizardActorContext.useActorRef> | null } = { actor: null };

function ActorSpy({ onActor }: { onActor: (ref: ReturnType<typeof WizardActorContext.useActorRef>) => void }) {
  onActor(WizardActorContext.useActorRef());
  return null;
}

describe('synthesis step', () => {
  it('comes in stages, one per paint: a loading line, then the scores, then the rest', async () => {
    const frames: FrameRequestCallback[] = [];
    const requestFrame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const paint = () =>
      act(async () => {
        frames.splice(0).forEach((callback) => callback(performance.now()));
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    try {
      const queryClient = new QueryClient();
      queryClient.setQueryData(toolkitQueryOptions().queryKey, toolkit);
      const { container } = render(
        <QueryClientProvider client={queryClient}>
          <DiagnosisFileContext.Provider value={{ createdAt: '2026-11-22T10:00:00.000Z', respondent: {}, lastChange: { at: '2026-11-22T10:00:00.000Z', content: null } }}>
            <WizardActorContext.Provider options={{ input: { questionnaire, answers: buildAnswers(), resumeAt: 'synthesis' } }}>
              <SynthesisStep onNewDiagnosis={() => {}} onEditAnswer={() => {}} />
            </WizardActorContext.Provider>
          </DiagnosisFileContext.Provider>
        </QueryClientProvider>,
      );
      expect(container.querySelector('.synthesis')).toBeNull();
      expect(screen.getByText('Chargement…')).toBeInTheDocument();
      await paint();
      expect(screen.getByRole('region', { name: 'Vos scores' })).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: 'Vos réponses' })).toBeNull();
      expect(container.querySelector('.synthesis')).toHaveAttribute('aria-busy', 'true');
      await paint();
      expect(screen.getByRole('region', { name: 'Vos réponses' })).toBeInTheDocument();
      expect(container.querySelector('.synthesis')).not.toHaveAttribute('aria-busy');
    } finally {
      requestFrame.mockRestore();
    }
  });

  it('shows the project and the three pillars with their score and level in a table', async () => {
    await renderSynthesis();
    const rows = within(screen.getByRole('region', { name: 'Vos scores' })).getAllByRole('row').slice(1);
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

  it('says "Données insuffisantes" instead of a score when too few answers count', async () => {
    await renderSynthesis(buildAnswers({ 'al-partners': 'dont-know' }));
    const alliances = screen.getByRole('rowheader', { name: 'Alliances stratégiques' }).closest('tr')!;
    expect(within(alliances).getByText('Données insuffisantes')).toBeInTheDocument();
  });

  it('lists the coherence flags among the points de vigilance', async () => {
    await renderSynthesis(buildAnswers({ 'fin-shares': { subventions: 80, dons: 10, revenus: 10 } }));
    const vigilance = screen.getByRole('region', { name: 'Points de vigilance' });
    expect(within(vigilance).getByText(/La part « Subventions » représente 80 %/)).toBeInTheDocument();
  });

  it('groups the path by horizon, each step with its reason', async () => {
    await renderSynthesis();
    const path = screen.getByRole('region', { name: 'Votre Parcours A.D.O.C.' });
    expect(within(path).getByRole('heading', { name: 'Dans les 18 mois' })).toBeInTheDocument();
    const steps = within(path).getAllByRole('listitem');
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) {
      expect(within(step).getByText('Pourquoi cet outil ?')).toBeInTheDocument();
      expect(step.textContent).toMatch(/Parce que/);
      expect(within(step).getByText('Guide')).toBeInTheDocument();
      expect(within(step).getByText('1 h')).toBeInTheDocument();
      expect(within(step).getByText('Le RAMEAU')).toBeInTheDocument();
    }
  });

  it('offers the PDF and the answers export', async () => {
    await renderSynthesis();
    expect(screen.getByRole('button', { name: 'Télécharger le rapport PDF' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Exporter mes réponses' })).toBeEnabled();
  });

  it('explains each level and what the next one looks like', async () => {
    await renderSynthesis();
    const humanResources = screen.getByRole('region', { name: 'Richesses humaines : En structuration' });
    expect(within(humanResources).getByText('Ce que ce niveau signifie :')).toBeInTheDocument();
    expect(within(humanResources).getByText(/Les bases se posent/)).toBeInTheDocument();
    expect(within(humanResources).getByText('Pour passer au niveau suivant : Structuré — Les pratiques sont installées.')).toBeInTheDocument();
  });

  it('says so when a level is the highest one', async () => {
    await renderSynthesis(buildAnswers({ 'al-partners': 'l4', 'al-evaluation': 'l4' }));
    const alliances = screen.getByRole('region', { name: 'Alliances stratégiques : Consolidé' });
    expect(within(alliances).getByText(/le niveau le plus avancé/)).toBeInTheDocument();
  });

  it('draws the dimensions as a bar chart with a summary, and gives the same figures in a table', async () => {
    await renderSynthesis();
    const dimensions = screen.getByRole('region', { name: 'Vos dimensions' });
    // recharts arrives in its own chunk; on a busy machine that takes more than the default second.
    const chart = await within(dimensions).findByRole('img', { name: /Score de chaque dimension/ }, { timeout: 5_000 });
    expect(chart).toHaveAccessibleName(expect.stringContaining('Compétences : 50 sur 100'));
    const table = within(dimensions).getByRole('table', { name: 'Score de chaque dimension, sur 100' });
    const skills = within(table).getByRole('rowheader', { name: /^Compétences/ }).closest('tr')!;
    expect(within(skills).getByText('Richesses humaines')).toBeInTheDocument();
    expect(within(skills).getByText('50 / 100')).toBeInTheDocument();
  });

  it('writes each force and each point de vigilance in one sentence', async () => {
    await renderSynthesis();
    const strengths = within(screen.getByRole('region', { name: 'Vos forces' })).getAllByRole('listitem');
    expect(strengths[0]).toHaveTextContent(/^\+Vision du projet : 67 \/ 100, structuré — un appui pour la suite\.$/);
    const vigilance = within(screen.getByRole('region', { name: 'Points de vigilance' })).getAllByRole('listitem');
    expect(vigilance[0]).toHaveTextContent(/Diversité des financements \(Ressources financières\) : 17 \/ 100, à initier — une piste à travailler en priorité\./);
  });

  it('marks a step of the path with toggle buttons and keeps a note for it', async () => {
    const user = userEvent.setup();
    const { readProgress } = await renderSynthesis();
    const path = screen.getByRole('region', { name: 'Votre Parcours A.D.O.C.' });
    const firstStep = within(path).getAllByRole('listitem')[0]!;
    const title = within(firstStep).getByRole('heading', { level: 4 }).textContent!;
    const group = within(firstStep).getByRole('group', { name: `Où en êtes-vous de « ${title} » ?` });
    expect(within(group).getByRole('button', { name: 'À faire' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(group).getByRole('button', { name: 'Fait' }));
    expect(within(group).getByRole('button', { name: 'Fait' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(group).getByRole('button', { name: 'À faire' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(path).getByText(/^1 étape faite, 0 jugée non pertinente/)).toBeInTheDocument();

    await user.type(within(firstStep).getByRole('textbox', { name: 'Votre note' }), 'Lu en bureau');
    const toolId = Object.keys(readProgress())[0]!;
    expect(readProgress()).toEqual({ [toolId]: { status: 'done', note: 'Lu en bureau' } });

    await user.click(within(group).getByRole('button', { name: 'Pas pertinent pour nous' }));
    expect(readProgress()[toolId]?.status).toBe('not-relevant');
    await user.click(within(group).getByRole('button', { name: 'À faire' }));
    expect(readProgress()).toEqual({ [toolId]: { status: 'todo', note: 'Lu en bureau' } });
  });

  it('shows the progress it was given', async () => {
    await renderSynthesis(buildAnswers(), { pathProgress: { 'financial-resources-comprendre': { status: 'not-relevant', note: 'Déjà fait en 2025' } } });
    const step = screen.getByRole('heading', { name: 'Outil financial-resources-comprendre' }).closest('li')!;
    expect(within(step).getByRole('button', { name: 'Pas pertinent pour nous' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(step).getByRole('textbox', { name: 'Votre note' })).toHaveValue('Déjà fait en 2025');
    expect(within(step).getByText('Statut : Pas pertinent pour nous')).toBeInTheDocument();
  });

  it('reviews every visible answer in words, each with a link to change it', async () => {
    const user = userEvent.setup();
    const edits: [string, string][] = [];
    await renderSynthesis(buildAnswers({ 'hr-training': 'not-applicable', 'fin-diversity': 'dont-know', 'preferred-kinds': ['agir', 'comprendre'] }), {
      onEditAnswer: (step, questionId) => edits.push([step, questionId]),
    });
    const review = screen.getByRole('region', { name: 'Vos réponses' });
    const answerOf = (question: string) => within(review).getByText(question, { selector: 'dt' }).parentElement!.querySelector('.review-answer')!.textContent;
    expect(answerOf('Nom de la structure')).toBe('Les Amis du Quartier');
    expect(answerOf('Avez-vous des salariés ?')).toBe('Oui');
    expect(answerOf('Nombre de bénévoles')).toBe('12\u00a0personnes');
    expect(answerOf('Répartition des ressources')).toBe('Subventions 40\u00a0%, Dons 35\u00a0%, Revenus d\u2019activité 25\u00a0%'.replace('\u2019', "'"));
    expect(answerOf('Question hr-training')).toBe('Non concerné');
    expect(answerOf('Question fin-diversity')).toBe('Je ne sais pas');
    expect(answerOf('Façons d’avancer')).toBe('agir, comprendre');
    expect(answerOf('Question hr-volunteers')).toBe('Niveau 2');

    await user.click(within(review).getByRole('link', { name: 'Modifier la réponse à « Question hr-training »' }));
    expect(edits).toEqual([['humanResources', 'hr-training']]);
  });

  it('says "Sans réponse" for an optional question left blank, and hides questions that were not asked', async () => {
    await renderSynthesis(buildAnswers({ 'has-staff': 'non', 'preferred-kinds': [] }));
    const review = screen.getByRole('region', { name: 'Vos réponses' });
    expect(within(review).getByText('Façons d’avancer', { selector: 'dt' }).parentElement).toHaveTextContent('Sans réponse');
    expect(within(review).queryByText('Question hr-staff-skills')).not.toBeInTheDocument();
  });
});

