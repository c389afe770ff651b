import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createGroupStorage } from '../../src/data/group-storage';
import { questionnaireQueryOptions, toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { diagnose } from '../../src/domain/diagnose';
import { addGroupMembers, aggregateGroup, buildConsensusAnswers, createGroup, recordAgreedAnswer, type Group } from '../../src/domain/group';
import { PILLAR_LABELS } from '../../src/domain/pillars';
import { QuestionnaireSchema, ToolkitSchema, isRubricQuestion, listQuestions } from '../../src/domain/questionnaire-schema';
import { TranslationSchema, applyQuestionnaireTranslation, applyToolkitTranslation } from '../../src/domain/questionnaire-translation';
import { i18n } from '../../src/i18n/i18n';
import { ConsensusResult } from '../../src/ui/group/consensus-mode';
import { GroupPage } from '../../src/ui/group/group-page';

const readContent = (name: string): unknown => parse(readFileSync(path.join(process.cwd(), 'questionnaires', `${name}.yaml`), 'utf8'));
const questionnaire = QuestionnaireSchema.parse(readContent('diagnostic-express'));
const toolkit = ToolkitSchema.parse(readContent('toolkit'));

const files = ['club-sportif-express', 'association-sociale-express', 'federation-regionale-express'].map((name) => {
  const parsed = parseAnswersFile(JSON.parse(readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'personas', `${name}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.file;
});

let next = 0;
const group = addGroupMembers(createGroup(questionnaire.id), files, () => `member-${++next}`).group;
const aggregate = aggregateGroup(questionnaire, files);

function consensusScore(candidate: Group, area: string): string {
  const diagnosis = diagnose(questionnaire, toolkit, buildConsensusAnswers(questionnaire, candidate));
  const score = [diagnosis.project, ...diagnosis.pillars].find((scored) => scored.id === area)!.score;
  return score === null ? 'Données insuffisantes' : `${score} / 100`;
}

async function renderConsensus() {
  const factory = new IDBFactory();
  const storage = createGroupStorage({ getIndexedDb: () => factory });
  await storage.save(group);
  const queryClient = new QueryClient();
  queryClient.setQueryData(questionnaireQueryOptions(questionnaire.id).queryKey, questionnaire);
  queryClient.setQueryData(toolkitQueryOptions().queryKey, toolkit);
  render(
    <QueryClientProvider client={queryClient}>
      <GroupPage onBack={() => {}} onStartWorkshop={() => {}} storage={storage} />
    </QueryClientProvider>,
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Construire le consensus' }));
  return storage;
}

describe('consensus mode', () => {
  const first = aggregate.questions[0]!;
  const question = listQuestions(questionnaire).filter(isRubricQuestion).find((candidate) => candidate.id === first.questionId)!;
  const areaLabel = PILLAR_LABELS[question.pillar];

  it('starts with the question of least consensus, its distribution and the proposed answer', async () => {
    await renderConsensus();
    const consensus = screen.getByRole('region', { name: 'Construire le consensus' });
    expect(within(consensus).getByText(`Question 1 sur ${aggregate.questions.length}`)).toBeInTheDocument();
    expect(within(consensus).getByRole('heading', { level: 3 })).toHaveTextContent(question.label);
    const distribution = within(consensus).getByRole('list', { name: `Réponses à « ${question.label} »` });
    expect(within(distribution).getAllByRole('listitem')).toHaveLength(first.distribution.length);
    expect(within(consensus).getByText(/^Réponse proposée : /)).toBeInTheDocument();
    expect(within(consensus).getByText(/le niveau médian du groupe/)).toBeInTheDocument();
  });

  it('records the agreed answer at once, and the consensus result follows it', async () => {
    const user = userEvent.setup();
    const storage = await renderConsensus();
    const proposal = buildConsensusAnswers(questionnaire, group)[question.id];
    const sorted = [...question.options].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
    const chosen = sorted[0]!.id === proposal ? sorted.at(-1)! : sorted[0]!;
    const before = consensusScore(group, question.pillar);
    const after = consensusScore(recordAgreedAnswer(group, question.id, chosen.id), question.pillar);
    expect(after).not.toBe(before);

    const result = screen.getByRole('table', { name: 'Scores du consensus sur 100' });
    const row = () => within(result).getByRole('rowheader', { name: areaLabel }).closest('tr')!;
    expect(row()).toHaveTextContent(before);

    const choices = screen.getByRole('group', { name: 'Réponse convenue par le groupe' });
    await user.click(within(choices).getByRole('radio', { name: new RegExp(`^${escapeRegExp(chosen.label.replace(/ ([?:!;])/g, '\u00a0$1'))}`) }));
    expect(screen.getByText(`Réponse convenue enregistrée : ${chosen.label}.`)).toBeInTheDocument();
    await waitFor(() => expect(row()).toHaveTextContent(after));
    const stored = await storage.load();
    expect(stored.status === 'found' && stored.group.agreedAnswers).toEqual({ [question.id]: chosen.id });

    await user.click(screen.getByRole('button', { name: 'Effacer la réponse convenue' }));
    expect(screen.getByText('Réponse convenue effacée : la réponse proposée sera retenue.')).toBeInTheDocument();
    await waitFor(() => expect(row()).toHaveTextContent(before));
    await waitFor(async () => {
      const cleared = await storage.load();
      expect(cleared.status === 'found' && cleared.group.agreedAnswers).toEqual({});
    });
  });

  it('goes from one question to the next and back', async () => {
    const user = userEvent.setup();
    await renderConsensus();
    const navigation = screen.getByRole('navigation', { name: 'Navigation entre les questions' });
    expect(within(navigation).getByRole('button', { name: 'Précédente' })).toBeDisabled();
    await user.click(within(navigation).getByRole('button', { name: 'Suivante' }));
    expect(screen.getByText(`Question 2 sur ${aggregate.questions.length}`)).toBeInTheDocument();
    await user.click(within(navigation).getByRole('button', { name: 'Précédente' }));
    expect(screen.getByText(`Question 1 sur ${aggregate.questions.length}`)).toBeInTheDocument();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('consensus result in English', () => {
  it('words the path’s reasons, kinds and horizons in English', async () => {
    await i18n.changeLanguage('en');
    const english = applyQuestionnaireTranslation(questionnaire, TranslationSchema.parse(readContent('diagnostic-express.en')));
    const englishToolkit = applyToolkitTranslation(toolkit, TranslationSchema.parse(readContent('toolkit.en')));
    const queryClient = new QueryClient();
    queryClient.setQueryData(toolkitQueryOptions('en').queryKey, englishToolkit);
    render(
      <QueryClientProvider client={queryClient}>
        <ConsensusResult questionnaire={english} group={group} />
      </QueryClientProvider>,
    );
    const result = await screen.findByRole('region', { name: 'Result of the consensus' });
    const reasons = await within(result).findAllByText(/^Because /);
    expect(reasons.length).toBeGreaterThan(0);
    expect(within(result).queryAllByText(/Parce que/)).toEqual([]);
    expect(result.textContent).not.toMatch(/Comprendre|S’informer|Dans les 18 mois|Richesses humaines/);
  });
});
