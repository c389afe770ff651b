import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import type { Answers } from '../../src/domain/answers';
import { DONT_KNOW, QuestionnaireSchema, ToolkitSchema, isRubricQuestion, type Questionnaire } from '../../src/domain/questionnaire-schema';
import { TranslationSchema, applyQuestionnaireTranslation, applyToolkitTranslation } from '../../src/domain/questionnaire-translation';
import { i18n } from '../../src/i18n/i18n';
import { WizardActorContext } from '../../src/machine/wizard-actor-context';
import { DiagnosisFileContext } from '../../src/ui/diagnosis-file';
import { SynthesisStep } from '../../src/ui/synthesis/synthesis-step';

// The real English files, translated as the content build does (scripts/lib/questionnaire-files.ts reads the disk through import.meta.url, which jsdom has not).
const readContent = (name: string): unknown => parse(readFileSync(path.join(process.cwd(), 'questionnaires', `${name}.yaml`), 'utf8'));
const questionnaire = applyQuestionnaireTranslation(QuestionnaireSchema.parse(readContent('diagnostic-express')), TranslationSchema.parse(readContent('diagnostic-express.en')));
const toolkit = applyToolkitTranslation(ToolkitSchema.parse(readContent('toolkit')), TranslationSchema.parse(readContent('toolkit.en')));

// Words the French synthesis writes itself: none may remain in English.
const FRENCH_WORDS = ['Parce que', 'Comprendre', 'S’informer', 'Se former', 'Dans les 18 mois', 'Je ne sais pas', 'Non concerné', 'Richesses humaines', 'Ressources financières', 'Alliances stratégiques', 'Pourquoi cet outil'];

/** Human resources at the top, financial resources at the bottom (a gap the checks flag), one alliance question not known. */
function buildContrastedAnswers(source: Questionnaire): Answers {
  // No share above half: the funding check stays quiet, only the pillar gap is flagged.
  const answers: Answers = { 'nom-structure': 'The Friends', 'mix-ressources': { subventions: 37.5, cotisations: 32.5, dons: 30 } };
  for (const step of source.steps) {
    const rubricQuestions = step.questions.filter(isRubricQuestion);
    rubricQuestions.forEach((question, index) => {
      const byScore = [...question.options].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
      if (step.id === 'strategic-alliances' && index === 0) answers[question.id] = DONT_KNOW;
      else if (step.id === 'human-resources') answers[question.id] = byScore.at(-1)!.id;
      else if (step.id === 'financial-resources') answers[question.id] = byScore[0]!.id;
      else answers[question.id] = byScore[Math.floor(byScore.length / 2)]!.id;
    });
  }
  return answers;
}

async function renderEnglishSynthesis() {
  await i18n.changeLanguage('en');
  const queryClient = new QueryClient();
  queryClient.setQueryData(toolkitQueryOptions('en').queryKey, toolkit);
  render(
    <QueryClientProvider client={queryClient}>
      <DiagnosisFileContext.Provider value={{ createdAt: '2026-11-22T10:00:00.000Z', respondent: {}, lastChange: { at: '2026-11-22T10:00:00.000Z', content: null } }}>
        <WizardActorContext.Provider options={{ input: { questionnaire, answers: buildContrastedAnswers(questionnaire), resumeAt: 'synthesis' } }}>
          <SynthesisStep onNewDiagnosis={() => {}} onEditAnswer={() => {}} />
        </WizardActorContext.Provider>
      </DiagnosisFileContext.Provider>
    </QueryClientProvider>,
  );
  // The English report words load on demand: the path appears once they are there.
  // Cold: the English catalogue, then the synthesis in its stages, one per paint.
  return screen.findByRole('region', { name: 'Your A.D.O.C. path' }, { timeout: 10_000 });
}

function listFrenchWords(text: string): string[] {
  return FRENCH_WORDS.filter((word) => text.includes(word));
}

describe('the synthesis in English', () => {
  it('gives every step of the path an English reason, kind, format and horizon', async () => {
    const path = await renderEnglishSynthesis();
    expect(within(path).getByRole('heading', { name: 'Within 18 months' })).toBeInTheDocument();
    const steps = within(path).getAllByRole('listitem');
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const step of steps) {
      expect(step.querySelector('.path-reason')?.textContent).toMatch(/^Why this tool\? Because /);
      expect(step.querySelector('.path-kind')?.textContent).toMatch(/ · (Understand|Get informed|Get trained|Act|Get support)/);
    }
    // The unknown alliance answer brings a tool, worded with the English reserved answer.
    expect(path.textContent).toContain('Because you answered “I don’t know” on');
    expect(listFrenchWords(path.textContent ?? '')).toEqual([]);
  });

  it('writes the strengths and the points to watch in English, the coherence check naming English pillars', async () => {
    await renderEnglishSynthesis();
    const strengths = screen.getByRole('region', { name: /strengths/i });
    expect(strengths.textContent).toMatch(/\(Human resources\): 100 \/ 100/);
    expect(strengths.textContent).toContain('a solid foundation to build on.');
    const vigilance = screen.getByRole('region', { name: /watch/i });
    expect(vigilance.textContent).toMatch(/\(Financial resources\): 0 \/ 100/);
    expect(vigilance.textContent).toContain('The Human resources pillar is 100 points ahead of the Financial resources pillar');
    expect(listFrenchWords(strengths.textContent ?? '')).toEqual([]);
    expect(listFrenchWords(vigilance.textContent ?? '')).toEqual([]);
  });

  it('reviews the answers in English, the reserved answer included', async () => {
    await renderEnglishSynthesis();
    const review = screen.getByRole('region', { name: 'Your answers' });
    expect(within(review).getByText('I don’t know')).toBeInTheDocument();
    // Numbers written the English way: a decimal point and no space before the percent sign.
    expect(review.textContent).toMatch(/ 37\.5%, .* 32\.5%, .* 30%/);
    expect(listFrenchWords(review.textContent ?? '')).toEqual([]);
  });

  it('leaves none of the French words anywhere on the page', async () => {
    await renderEnglishSynthesis();
    expect(listFrenchWords(document.body.textContent ?? '')).toEqual([]);
  });
});
