import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createDiagnosisLibrary, type LibraryListResult, type NewLibraryEntry } from '../../src/data/diagnosis-library';
import { createGroupStorage } from '../../src/data/group-storage';
import { questionnaireQueryOptions, toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import { createAnswersFile } from '../../src/domain/answers';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { addGroupMembers, createGroup } from '../../src/domain/group';
import { QuestionnaireSchema } from '../../src/domain/questionnaire-schema';
import { i18n } from '../../src/i18n/i18n';
import CompareChart from '../../src/ui/compare/compare-chart';
import { WizardActorContext } from '../../src/machine/wizard-actor-context';
import { GroupPage } from '../../src/ui/group/group-page';
import { LibrarySection, type LibraryActions } from '../../src/ui/library/library-section';
import { ErrorSummary } from '../../src/ui/wizard/error-summary';
import { WizardShell } from '../../src/ui/wizard/wizard-shell';
import { buildAnswers, buildFullToolkitTools, buildQuestionnaire, buildToolkit } from '../domain/fixtures';

// Words of the interface that only French says: none may remain once English is chosen. (The
// fixtures' own content, question labels and level names, is French and is not checked.)
const FRENCH_WORDS = [
  'Étape',
  'Suivant',
  'Précédent',
  'obligatoire',
  'facultatif',
  'astérisque',
  'à compléter',
  'Terminé',
  'Dernière modification',
  'Répondant',
  'Bénévole',
  'novembre',
  'Reprendre',
  'Refaire',
  'Comparer',
  'diagnostics',
  'Vue collective',
  'Vue d’ensemble',
  'Richesses humaines',
  'Ressources financières',
  'Alliances stratégiques',
  'Moyenne',
  'Répartition',
  'Zones de moindre consensus',
  'Importer',
  'Non concerné',
  'Je ne sais pas',
];

function expectNoFrenchWords(text: string) {
  expect(FRENCH_WORDS.filter((word) => text.includes(word))).toEqual([]);
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the interface in English', () => {
  it('words a wizard step, its progress and its buttons in English', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <WizardActorContext.Provider options={{ input: { questionnaire: buildQuestionnaire(), answers: {} } }}>
          <WizardShell onNewDiagnosis={() => {}} />
        </WizardActorContext.Provider>
      </QueryClientProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Step 1 of 7 · Profil');
    expect(screen.getByRole('navigation', { name: 'Steps of the self-assessment' })).toBeInTheDocument();
    expect(screen.getByText('Questions marked with an asterisk (*) are required.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Next' }, { timeout: 5_000 })).toBeInTheDocument();
    // The title follows after the paint.
    await waitFor(() => expect(document.title).toBe('Step 1 of 7 · Profil – Trajectoires'));
    // The step titles are the questionnaire's (French in the fixture); their statuses are the interface's.
    const statuses = [...document.querySelectorAll('.stepper .visually-hidden')].map((status) => status.textContent?.trim());
    expect(statuses).toEqual(['(current)', ...Array<string>(6).fill('(to come)')]);
    expectNoFrenchWords(document.querySelector('.step-actions')?.textContent ?? '');
    expectNoFrenchWords(document.querySelector('.required-hint')?.textContent ?? '');
  });

  it('counts the errors of the summary in English, singular and plural', () => {
    const error = (questionId: string) => ({ questionId, label: `Question ${questionId}`, message: 'Missing' });
    const { rerender } = render(<ErrorSummary errors={[error('a')]} />);
    expect(screen.getByRole('heading')).toHaveTextContent('One answer needs to be completed or corrected');
    rerender(<ErrorSummary errors={[error('a'), error('b'), error('c')]} />);
    expect(screen.getByRole('heading')).toHaveTextContent('3 answers need to be completed or corrected');
    expectNoFrenchWords(screen.getByRole('alert').textContent ?? '');
  });

  it('lists the library with English words and English dates', async () => {
    const questionnaire = buildQuestionnaire();
    const entry = (organisationName: string, updatedAt: string, changes: Partial<NewLibraryEntry> = {}): NewLibraryEntry => ({
      title: null,
      organisationName,
      status: 'completed',
      completedAt: updatedAt,
      step: 'synthesis',
      previousId: null,
      file: createAnswersFile(questionnaire, buildAnswers({ [questionnaire.bindings.organisationName]: organisationName }), new Date(updatedAt), {
        respondent: { name: 'Camille', role: 'benevole' },
      }),
      ...changes,
    });
    const library = createDiagnosisLibrary();
    await library.create(entry('La Ruche', '2025-11-20T12:00:00Z'));
    await library.create(entry('La Ruche', '2026-11-20T12:00:00Z'));
    await library.create(entry('Les Amis', '2026-03-01T12:00:00Z', { status: 'in-progress', completedAt: null, step: 'financialResources' }));
    const result: LibraryListResult = await library.list();
    const noop = () => {};
    const actions: LibraryActions = {
      onOpen: noop,
      onRedo: noop,
      onCompare: noop,
      onRename: noop,
      onDuplicate: noop,
      onDelete: noop,
      onExport: noop,
      onDownloadQuarantined: noop,
      onDeleteQuarantined: noop,
    };
    render(<LibrarySection result={result} questionnaireTitles={{ [questionnaire.id]: 'Test questionnaire' }} actions={actions} />);

    const section = screen.getByRole('region', { name: 'Your self-assessments on this device' });
    const ruche = within(section).getByRole('article', { name: 'La Ruche · 2 self-assessments' });
    expect(within(ruche).getAllByRole('listitem')[0]).toHaveTextContent(
      /Test questionnaire.*Completed on 20 November 2026.*Last changed on 20 November 2026.*Respondent: Camille, Volunteer/,
    );
    expect(within(ruche).getByRole('button', { name: 'Redo the self-assessment: La Ruche' })).toBeInTheDocument();
    expect(within(ruche).getByRole('button', { name: 'Compare' })).toBeInTheDocument();
    const amis = within(section).getByRole('article', { name: 'Les Amis · 1 self-assessment' });
    expect(within(amis).getByText('In progress · step “Financial resources”')).toBeInTheDocument();
    expect(within(amis).getByRole('button', { name: /^Resume: Les Amis, 1 March 2026/ })).toBeInTheDocument();
    expectNoFrenchWords(section.textContent ?? '');
  });

  it('titles the group view in English, with roles and pillars named in English', async () => {
    const readContent = (name: string): unknown => parse(readFileSync(path.join(process.cwd(), 'questionnaires', `${name}.yaml`), 'utf8'));
    const questionnaire = QuestionnaireSchema.parse(readContent('diagnostic-express'));
    const readPersona = (name: string) => {
      const parsed = parseAnswersFile(JSON.parse(readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'personas', `${name}.json`), 'utf8')));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      return parsed.file;
    };
    const factory = new IDBFactory();
    const storage = createGroupStorage({ getIndexedDb: () => factory });
    const files = [readPersona('club-sportif-express'), { ...readPersona('association-sociale-express'), respondent: { role: 'benevole' as const } }];
    let next = 0;
    await storage.save(addGroupMembers(createGroup(questionnaire.id), files, () => `member-${++next}`).group);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    for (const language of ['fr', 'en'] as const) {
      queryClient.setQueryData(questionnaireQueryOptions(questionnaire.id, language).queryKey, questionnaire);
      queryClient.setQueryData(toolkitQueryOptions(language).queryKey, buildToolkit(buildFullToolkitTools()));
    }
    render(
      <QueryClientProvider client={queryClient}>
        <GroupPage onBack={() => {}} onStartWorkshop={() => {}} storage={storage} />
      </QueryClientProvider>,
    );

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Group view');
    const respondents = await screen.findByRole('list', { name: 'Respondents' });
    expect(within(respondents).getByText('Respondent 2 · Volunteer')).toBeInTheDocument();
    expect(screen.getByText('2 respondents')).toBeInTheDocument();
    const areas = screen.getByRole('table', { name: /for each area, and number of respondents/ });
    const rowHeaders = within(areas).getAllByRole('rowheader').map((header) => header.textContent);
    expect(rowHeaders).toEqual(['Project', 'Human resources', 'Financial resources', 'Strategic alliances']);
    const headings = screen.getAllByRole('heading').map((heading) => heading.textContent ?? '');
    expect(headings).toEqual(expect.arrayContaining(['Group view', 'Overview', 'Scores by area', 'Results by role', 'Areas of least consensus', 'Share and conclude']));
    expectNoFrenchWords(headings.join(' | '));
    expectNoFrenchWords(screen.getAllByRole('columnheader').map((header) => header.textContent).join(' | '));
    expectNoFrenchWords(rowHeaders.join(' | '));
    expectNoFrenchWords(screen.getAllByRole('button').map((button) => button.textContent).join(' | '));
  });
});

describe('the comparison chart', () => {
  const bars = [
    { label: 'Project', before: 40, after: 55, beforeLabel: '40', afterLabel: '55' },
    { label: 'Human resources', before: null, after: 30, beforeLabel: 'not calculated', afterLabel: '30' },
  ];

  it('tells before from after by the outline as well as the colour, in a legend written in English', () => {
    render(<CompareChart bars={bars} beforeName="Before (1 March 2025)" afterName="After (1 March 2026)" />);
    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleName('Scores before and after, by area. Project: 40 then 55; Human resources: not calculated then 30');
    const legend = chart.querySelectorAll('.compare-chart-legend li');
    expect([...legend].map((item) => item.textContent)).toEqual(['Before (1 March 2025)', 'After (1 March 2026)']);
    // WCAG 1.4.1: the before swatch is dashed, the after one solid.
    expect(legend[0]!.querySelector('rect')).toHaveAttribute('stroke-dasharray', '4 3');
    expect(legend[1]!.querySelector('rect')).not.toHaveAttribute('stroke-dasharray');
  });

  it('joins its description with the French separator in French', async () => {
    await i18n.changeLanguage('fr');
    render(<CompareChart bars={bars} beforeName="Avant" afterName="Après" />);
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Scores avant et après, par domaine. Project : 40 puis 55 ; Human resources : not calculated puis 30',
    );
  });
});

describe('after English, French again', () => {
  it('words the same error summary in French once French is chosen back', async () => {
    await i18n.changeLanguage('fr');
    render(<ErrorSummary errors={[{ questionId: 'a', label: 'A', message: 'manque' }, { questionId: 'b', label: 'B', message: 'manque' }]} />);
    expect(screen.getByRole('heading')).toHaveTextContent('2 réponses sont à compléter ou à corriger');
  });
});
