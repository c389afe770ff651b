import { useTranslation } from 'react-i18next';
import { listVisibleQuestionIds, type Answers } from '../../domain/answers';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import type { Questionnaire } from '../../domain/questionnaire-schema';
import { WIZARD_STEPS, type WizardStepState } from '../../domain/wizard-steps';
import { buildAnswerRow } from '../../report/report-model';
import type { ReportWording } from '../../report/report-wording';

export type EditAnswer = (step: WizardStepState, questionId: string) => void;

/** "Vos réponses": every visible question with its answer in words and a link back to it. */
export function AnswersReview({
  questionnaire,
  answers,
  wording,
  onEditAnswer,
}: {
  questionnaire: Questionnaire;
  answers: Answers;
  /** The report's words in the interface's language: the screen writes each answer as the PDF does. */
  wording: ReportWording;
  onEditAnswer: EditAnswer;
}) {
  const { t } = useTranslation();
  const visibleIds = listVisibleQuestionIds(questionnaire, answers);
  return (
    <section aria-labelledby="review-heading" className="card review-card">
      <h2 id="review-heading">{t('synthesis.reviewHeading')}</h2>
      <p>{t('synthesis.reviewIntro')}</p>
      {questionnaire.steps.map((step) => {
        const wizardStep = WIZARD_STEPS.find((candidate) => candidate.questionStep === step.id);
        if (!wizardStep) return null;
        return (
          <section key={step.id} aria-labelledby={`review-${step.id}`} className="review-step">
            <h3 id={`review-${step.id}`}>{step.title}</h3>
            <dl className="review-list">
              {step.questions
                .filter((question) => visibleIds.has(question.id))
                .map((question) => {
                  const row = buildAnswerRow(question, answers[question.id], wording);
                  return (
                    <div key={question.id} className={`review-item is-${row.status}`}>
                      <dt>{bindFrenchPunctuation(question.label)}</dt>
                      <dd className="review-answer">{bindFrenchPunctuation(row.answer)}</dd>
                      <dd className="review-edit">
                        <a
                          href={`#/${wizardStep.slug}`}
                          aria-label={t('synthesis.editAnswerOf', { question: question.label })}
                          onClick={(event) => {
                            // The wizard opens the step and puts focus on the question's field.
                            event.preventDefault();
                            onEditAnswer(wizardStep.state, question.id);
                          }}
                        >
                          {t('synthesis.editAnswer')}
                        </a>
                      </dd>
                    </div>
                  );
                })}
            </dl>
          </section>
        );
      })}
    </section>
  );
}
