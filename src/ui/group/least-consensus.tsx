import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { selectLeastConsensus, type AnswerCount, type GroupAggregate, type QuestionDivergence } from '../../domain/group';
import { DONT_KNOW, NOT_APPLICABLE } from '../../domain/questionnaire-schema';
import { i18n } from '../../i18n/i18n';
import { formatDecimal } from '../format-number';

const LEAST_CONSENSUS_COUNT = 5;

/** Each answer of a question with how many chose it, as a bar and in words. */
export function AnswerDistribution({ question, distribution }: { question: string; distribution: readonly AnswerCount[] }) {
  const { t } = useTranslation('group');
  const highest = Math.max(1, ...distribution.map((answer) => answer.count));
  return (
    <ul className="answer-distribution" aria-label={t('leastConsensus.distributionLabel', { question })}>
      {distribution.map((answer) => (
        <li key={answer.value} className={answer.score === null ? 'answer-row is-reserved' : 'answer-row'}>
          <span className="answer-label">{bindFrenchPunctuation(labelAnswerCount(answer))}</span>
          <span className="answer-bar" aria-hidden="true">
            <span style={{ width: `${(answer.count / highest) * 100}%` }} />
          </span>
          <span className="answer-count">{t('leastConsensus.answerCount', { count: answer.count })}</span>
        </li>
      ))}
    </ul>
  );
}

/** An answer's label: the option's from the questionnaire, the reserved answers' in the interface's language. */
export function labelAnswerCount(answer: AnswerCount): string {
  if (answer.value === NOT_APPLICABLE) return i18n.t('fields.notApplicable');
  if (answer.value === DONT_KNOW) return i18n.t('fields.dontKnow');
  return answer.label;
}

export function describeQuestionPlace(question: QuestionDivergence, aggregate: GroupAggregate): string {
  const dimension = aggregate.dimensions.find((candidate) => candidate.id === question.dimension);
  const area = i18n.t(`pillars.${question.area}`);
  return dimension ? `${area} · ${dimension.label}` : area;
}

/** The questions where the respondents' levels differ most, with the measure explained in words. */
export function LeastConsensus({ aggregate }: { aggregate: GroupAggregate }) {
  const { t } = useTranslation('group');
  const questions = useMemo(() => selectLeastConsensus(aggregate, LEAST_CONSENSUS_COUNT), [aggregate]);
  return (
    <section className="card" aria-labelledby="least-consensus-heading">
      <h2 id="least-consensus-heading">{t('leastConsensus.heading')}</h2>
      <p>{t('leastConsensus.measure')}</p>
      {questions.length === 0 ? (
        <p>{t('leastConsensus.none')}</p>
      ) : (
        <ol className="least-consensus-list">
          {questions.map((question) => (
            <li key={question.questionId} className="least-consensus-item">
              <h3>{bindFrenchPunctuation(question.label)}</h3>
              <p className="least-consensus-meta">
                <span>{describeQuestionPlace(question, aggregate)}</span>
                {question.divergence === null ? null : (
                  <strong className="divergence-badge">{t('leastConsensus.divergence', { value: formatDecimal(question.divergence) })}</strong>
                )}
                <span>{t('leastConsensus.rated', { count: question.ratedCount })}</span>
              </p>
              <AnswerDistribution question={question.label} distribution={question.distribution} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
