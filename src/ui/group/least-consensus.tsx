import { useMemo } from 'react';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { selectLeastConsensus, type AnswerCount, type GroupAggregate, type QuestionDivergence } from '../../domain/group';
import { PILLAR_LABELS } from '../../domain/pillars';
import { formatDecimal, groupMessages } from './group-messages';

const LEAST_CONSENSUS_COUNT = 5;

/** Each answer of a question with how many chose it, as a bar and in words. */
export function AnswerDistribution({ question, distribution }: { question: string; distribution: readonly AnswerCount[] }) {
  const highest = Math.max(1, ...distribution.map((answer) => answer.count));
  return (
    <ul className="answer-distribution" aria-label={groupMessages.leastConsensus.distributionLabel(question)}>
      {distribution.map((answer) => (
        <li key={answer.value} className={answer.score === null ? 'answer-row is-reserved' : 'answer-row'}>
          <span className="answer-label">{bindFrenchPunctuation(answer.label)}</span>
          <span className="answer-bar" aria-hidden="true">
            <span style={{ width: `${(answer.count / highest) * 100}%` }} />
          </span>
          <span className="answer-count">{groupMessages.leastConsensus.answerCount(answer.count)}</span>
        </li>
      ))}
    </ul>
  );
}

export function describeQuestionPlace(question: QuestionDivergence, aggregate: GroupAggregate): string {
  const dimension = aggregate.dimensions.find((candidate) => candidate.id === question.dimension);
  return dimension ? `${PILLAR_LABELS[question.area]} · ${dimension.label}` : PILLAR_LABELS[question.area];
}

/** The questions where the respondents' levels differ most, with the measure explained in words. */
export function LeastConsensus({ aggregate }: { aggregate: GroupAggregate }) {
  const questions = useMemo(() => selectLeastConsensus(aggregate, LEAST_CONSENSUS_COUNT), [aggregate]);
  return (
    <section className="card" aria-labelledby="least-consensus-heading">
      <h2 id="least-consensus-heading">{groupMessages.leastConsensus.heading}</h2>
      <p>{groupMessages.leastConsensus.measure}</p>
      {questions.length === 0 ? (
        <p>{groupMessages.leastConsensus.none}</p>
      ) : (
        <ol className="least-consensus-list">
          {questions.map((question) => (
            <li key={question.questionId} className="least-consensus-item">
              <h3>{bindFrenchPunctuation(question.label)}</h3>
              <p className="least-consensus-meta">
                <span>{describeQuestionPlace(question, aggregate)}</span>
                {question.divergence === null ? null : (
                  <strong className="divergence-badge">{groupMessages.leastConsensus.divergence(formatDecimal(question.divergence))}</strong>
                )}
                <span>{groupMessages.leastConsensus.rated(question.ratedCount)}</span>
              </p>
              <AnswerDistribution question={question.label} distribution={question.distribution} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
