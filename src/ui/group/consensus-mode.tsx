import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../domain/answers';
import { diagnose } from '../../domain/diagnose';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { buildConsensusAnswers, proposeConsensusAnswers, type Group, type GroupAggregate } from '../../domain/group';
import { DONT_KNOW, HORIZONS, NOT_APPLICABLE, isRubricQuestion, listQuestions, type Questionnaire, type RubricQuestion } from '../../domain/questionnaire-schema';
import { toolkitQueryOptions } from '../../data/questionnaire-queries';
import { useLanguage } from '../../i18n/use-language';
import { i18n } from '../../i18n/i18n';
import { formatDecimal } from '../format-number';
import { useReportWording } from '../synthesis/use-report-wording';
import { AnswerDistribution, describeQuestionPlace } from './least-consensus';

export type RecordAgreedAnswer = (questionId: string, value: AnswerValue | null) => void | Promise<void>;

interface ConsensusModeProps {
  questionnaire: Questionnaire;
  group: Group;
  aggregate: GroupAggregate;
  onRecord: RecordAgreedAnswer;
}

/** The facilitator goes through the rubric questions, least consensus first, and records the agreed answer. */
export function ConsensusMode({ questionnaire, group, aggregate, onRecord }: ConsensusModeProps) {
  const { t } = useTranslation('group');
  const [position, setPosition] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const files = useMemo(() => group.members.map((member) => member.file), [group.members]);
  const proposal = useMemo(() => proposeConsensusAnswers(questionnaire, files), [questionnaire, files]);
  const rubricQuestions = useMemo(
    () => new Map(listQuestions(questionnaire).filter(isRubricQuestion).map((question) => [question.id, question])),
    [questionnaire],
  );
  const questions = useMemo(
    () => aggregate.questions.filter((question) => rubricQuestions.has(question.questionId)),
    [aggregate, rubricQuestions],
  );
  const total = questions.length;
  const index = Math.min(position, Math.max(0, total - 1));
  const current = questions[index];
  const question = current ? rubricQuestions.get(current.questionId) : undefined;
  const agreedCount = questions.filter((candidate) => group.agreedAnswers[candidate.questionId] !== undefined).length;

  const record = (value: AnswerValue | null) => {
    if (!question) return;
    setAnnouncement(value === null ? t('consensus.cleared') : t('consensus.recorded', { label: labelAnswer(question, value) }));
    void onRecord(question.id, value);
  };
  const goTo = (next: number) => {
    setAnnouncement('');
    setPosition(next);
  };

  return (
    <section className="card consensus-card" aria-labelledby="consensus-heading">
      <h2 id="consensus-heading">{t('consensus.heading')}</h2>
      <p>{t('consensus.intro')}</p>
      <p className="consensus-progress">{t('consensus.agreedCount', { agreed: t('consensus.agreedAnswers', { count: agreedCount }), total: t('consensus.questionCount', { count: total }) })}</p>
      {current && question ? (
        <div className="consensus-question">
          <div aria-live="polite" aria-atomic="true">
            <p className="consensus-position">{t('consensus.position', { index: index + 1, total })}</p>
            <h3 className="consensus-question-label">{bindFrenchPunctuation(question.label)}</h3>
          </div>
          <p className="least-consensus-meta">
            <span>{describeQuestionPlace(current, aggregate)}</span>
            {current.divergence === null ? null : (
              <strong className="divergence-badge">{t('leastConsensus.divergence', { value: formatDecimal(current.divergence) })}</strong>
            )}
            <span>{t('leastConsensus.rated', { count: current.ratedCount })}</span>
          </p>

          <h4>{t('consensus.distributionHeading')}</h4>
          <AnswerDistribution question={question.label} distribution={current.distribution} />

          <p className="consensus-proposal">
            {proposal[question.id] === undefined ? (
              t('consensus.noProposal')
            ) : (
              <>
                <strong>{t('consensus.proposed', { label: labelAnswer(question, proposal[question.id]!) })}</strong>{' '}
                <span className="consensus-proposal-help">({t('consensus.proposedHelp')})</span>
              </>
            )}
          </p>

          <fieldset className="field consensus-choice">
            <legend className="field-label">{t('consensus.agreedLegend')}</legend>
            <div className="options">
              {listChoices(question).map((choice) => (
                <label key={choice.value} className="option">
                  <input
                    type="radio"
                    name={`agreed-${question.id}`}
                    value={choice.value}
                    checked={group.agreedAnswers[question.id] === choice.value}
                    onChange={() => record(choice.value)}
                  />
                  <span className="option-text">
                    <span className="option-label">
                      {bindFrenchPunctuation(choice.label)}
                      {proposal[question.id] === choice.value ? <span className="consensus-tag"> · {t('consensus.proposedTag')}</span> : null}
                    </span>
                    {choice.description ? <span className="option-description">{bindFrenchPunctuation(choice.description)}</span> : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <button
            type="button"
            className="button button-secondary"
            disabled={group.agreedAnswers[question.id] === undefined}
            onClick={() => record(null)}
          >
            {t('consensus.clear')}
          </button>
          <p role="status" className="consensus-status">
            {announcement}
          </p>

          <nav className="step-actions consensus-nav" aria-label={t('consensus.navigationLabel')}>
            <button type="button" className="button button-secondary" disabled={index === 0} onClick={() => goTo(index - 1)}>
              {t('consensus.previous')}
            </button>
            <button type="button" className="button button-primary" disabled={index >= total - 1} onClick={() => goTo(index + 1)}>
              {t('consensus.next')}
            </button>
          </nav>
        </div>
      ) : null}
    </section>
  );
}

interface Choice {
  value: string;
  label: string;
  description?: string;
}

function listChoices(question: RubricQuestion): Choice[] {
  return [
    ...question.options.map((option) => ({ value: option.id, label: option.label, ...(option.description ? { description: option.description } : {}) })),
    ...(question.allowNotApplicable ? [{ value: NOT_APPLICABLE, label: i18n.t('fields.notApplicable') }] : []),
    ...(question.allowDontKnow ? [{ value: DONT_KNOW, label: i18n.t('fields.dontKnow') }] : []),
  ];
}

function labelAnswer(question: RubricQuestion, value: AnswerValue): string {
  return listChoices(question).find((choice) => choice.value === value)?.label ?? String(value);
}

/** Scores, flags and the path of the consensus, computed as for one respondent. */
export function ConsensusResult({ questionnaire, group }: { questionnaire: Questionnaire; group: Group }) {
  const { t } = useTranslation('group');
  const { t: tc } = useTranslation();
  const language = useLanguage();
  const toolkit = useQuery(toolkitQueryOptions(language)).data;
  const wording = useReportWording();
  const diagnosis = useMemo(
    () => (toolkit && wording ? diagnose(questionnaire, toolkit, buildConsensusAnswers(questionnaire, group), wording.diagnosis) : null),
    [questionnaire, toolkit, group, wording],
  );
  return (
    <section className="card consensus-result" aria-labelledby="consensus-result-heading">
      <h2 id="consensus-result-heading">{t('consensus.resultHeading')}</h2>
      <p>{bindFrenchPunctuation(t('consensus.resultIntro'))}</p>
      {!diagnosis ? (
        <p>{t('consensus.toolkitLoading')}</p>
      ) : (
        <>
          <table className="scores-table">
            <caption className="visually-hidden">{t('consensus.resultCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.area')}</th>
                <th scope="col">{t('consensus.score')}</th>
                <th scope="col">{t('consensus.level')}</th>
              </tr>
            </thead>
            <tbody>
              {[diagnosis.project, ...diagnosis.pillars].map((area) => (
                <tr key={area.id}>
                  <th scope="row">{tc(`pillars.${area.id}`)}</th>
                  <td className="spread-number">
                    {area.isNotApplicable
                      ? t('consensus.notApplicable')
                      : area.score === null
                        ? t('consensus.insufficient')
                        : `${area.score} / 100`}
                  </td>
                  <td>{area.level ? <strong>{area.level.label}</strong> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {diagnosis.flags.length > 0 ? (
            <>
              <h3>{t('consensus.flagsHeading')}</h3>
              <ul className="highlights">
                {diagnosis.flags.map((flag) => (
                  <li key={flag.checkId}>
                    <span aria-hidden="true" className="highlight-icon">
                      !
                    </span>
                    <span>{bindFrenchPunctuation(flag.message)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h3>{bindFrenchPunctuation(t('consensus.pathHeading'))}</h3>
          {diagnosis.path.length === 0 ? <p>{t('consensus.noPath')}</p> : null}
          {HORIZONS.map((horizon) => {
            const steps = diagnosis.path.filter((step) => step.horizon === horizon);
            if (steps.length === 0) return null;
            return (
              <section key={horizon} aria-labelledby={`consensus-horizon-${horizon}`} className="horizon">
                <h4 id={`consensus-horizon-${horizon}`} className="horizon-heading">
                  {tc(`toolkit.horizons.${horizon}`)}
                </h4>
                <ol className="path-steps">
                  {steps.map((step) => (
                    <li key={step.toolId} className="path-step" value={step.order}>
                      <p className="path-kind">
                        <span className="path-order">{t('consensus.pathStep', { order: step.order })}</span> · {tc(`toolkit.kinds.${step.kind}`)}
                        {step.pillar ? ` · ${tc(`pillars.${step.pillar}`)}` : ''}
                      </p>
                      <p className="path-title">
                        <strong>{bindFrenchPunctuation(step.tool.title)}</strong>
                      </p>
                      <p className="path-reason">
                        <strong>{t('consensus.whyThisTool')}</strong> {bindFrenchPunctuation(step.reason)}
                      </p>
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
