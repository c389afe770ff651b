import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { aggregateGroup, selectLeastConsensus, type Group } from '../../domain/group';
import type { Questionnaire } from '../../domain/questionnaire-schema';
import type { GroupStorage } from '../../data/group-storage';
import { describeLoadFailure, questionnaireQueryOptions } from '../../data/questionnaire-queries';
import { useLanguage } from '../../i18n/use-language';
import { GROUP_HASH } from '../routes';
import { formatDecimal } from '../format-number';
import { labelRole } from '../respondent-label';
import { labelAnswerCount } from './least-consensus';
import { LevelDistribution } from './spread-table';
import { getDefaultGroupStorage } from '../../data/group-storage';
import { useAnswerMessages } from '../answer-messages';
import { useGroupStore } from './use-group-store';
import './group.css';

/** At most this many questions of least consensus; fewer when the screen cannot hold them at a size the room can read. */
const PROJECTED_QUESTIONS = 3;

/**
 * The group view for a projector: large type, black on white, readable from the back of a room,
 * and live: every save of the facilitator's window (a new participant, an import) redraws it.
 */
export function ProjectionPage({ storage }: { storage?: GroupStorage } = {}) {
  const { t } = useTranslation('group');
  const store = useGroupStore(useMemo(() => storage ?? getDefaultGroupStorage(), [storage]));
  const group = store.state.status === 'found' && store.state.group.members.length > 0 ? store.state.group : null;

  useEffect(() => {
    document.title = t('projection.documentTitle');
  }, [t]);

  return (
    <div className="projection">
      <header className="projection-header">
        <h1>{t('projection.title')}</h1>
        <p className="projection-live">{t('projection.live')}</p>
        <a className="projection-back" href={GROUP_HASH}>
          {t('projection.back')}
        </a>
      </header>
      {store.state.status === 'loading' ? (
        <p className="projection-waiting">{t('projection.loading')}</p>
      ) : group ? (
        <ProjectedGroup group={group} />
      ) : (
        <p className="projection-waiting">{t('projection.waiting')}</p>
      )}
    </div>
  );
}

function ProjectedGroup({ group }: { group: Group }) {
  const { t } = useTranslation('group');
  const language = useLanguage();
  const answerMessages = useAnswerMessages();
  const questionnaire = useQuery(questionnaireQueryOptions(group.questionnaireId, language));
  if (questionnaire.isError) return <p className="projection-waiting">{describeLoadFailure(questionnaire.error, answerMessages)}</p>;
  if (!questionnaire.data) return <p className="projection-waiting">{t('projection.loading')}</p>;
  return <ProjectedAggregate group={group} questionnaire={questionnaire.data} />;
}

function ProjectedAggregate({ group, questionnaire }: { group: Group; questionnaire: Questionnaire }) {
  const { t } = useTranslation('group');
  const { t: tc } = useTranslation();
  const aggregate = useMemo(() => aggregateGroup(questionnaire, group.members.map((member) => member.file)), [questionnaire, group.members]);
  const candidates = useMemo(() => selectLeastConsensus(aggregate, PROJECTED_QUESTIONS), [aggregate]);
  const areasRef = useRef<HTMLUListElement>(null);
  const questionsRef = useRef<HTMLOListElement>(null);
  const shownCount = useCountThatFits(candidates, areasRef, questionsRef);
  const questions = candidates.slice(0, shownCount);
  return (
    <div className="projection-body">
      <div className="projection-summary">
        <p className="projection-count" aria-live="polite">{t('overview.respondents', { count: aggregate.respondentCount })}</p>
        <ul className="projection-roles" aria-label={t('overview.rolesLabel')}>
          {aggregate.roles.map((role) => (
            <li key={role.role}>
              {labelRole(role.role)}
              {t('overview.countSeparator')}
              <strong>{role.count}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div className="projection-columns">
        <section aria-labelledby="projection-areas-heading">
          <h2 id="projection-areas-heading">{t('projection.areasHeading')}</h2>
          <ul className="projection-areas" ref={areasRef}>
            {aggregate.areas.map((area) => (
              <li key={area.id} className="projection-area">
                <h3>
                  {tc(`pillars.${area.id}`)}
                  <span className="projection-mean">
                    {area.mean === null ? t('projection.noMean') : t('projection.mean', { value: Math.round(area.mean) })}
                  </span>
                </h3>
                <LevelDistribution distribution={area.distribution} />
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="projection-consensus-heading">
          <h2 id="projection-consensus-heading">{t('projection.leastConsensusHeading')}</h2>
          {questions.length === 0 ? (
            <p>{t('leastConsensus.none')}</p>
          ) : (
            <ol className="projection-questions" ref={questionsRef}>
              {questions.map((question) => (
                <li key={question.questionId}>
                  <h3>{bindFrenchPunctuation(question.label)}</h3>
                  <p className="projection-question-meta">
                    {tc(`pillars.${question.area}`)}
                    {question.divergence === null ? null : (
                      <>
                        {' · '}
                        <strong>{t('leastConsensus.divergence', { value: formatDecimal(question.divergence) })}</strong>
                      </>
                    )}
                  </p>
                  <ul className="projection-answers">
                    {question.distribution
                      .filter((answer) => answer.count > 0)
                      .map((answer) => (
                        // The count first, in a column: labels with their own colon read badly before a count.
                        <li key={answer.value}>
                          <strong className="projection-answer-count">{answer.count}</strong>
                          <span className="visually-hidden"> {t('projection.answerCount', { count: answer.count })}</span>{' '}
                          {bindFrenchPunctuation(labelAnswerCount(answer))}
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}

/**
 * How many of the questions to show so that the projection holds on one screen: it starts from
 * them all and drops the last while the questions' column runs below the window and the areas,
 * beside it, do not (stacked on a narrow screen, the page scrolls and keeps them all). Measured
 * before the paint, again after each resize and each change of the questions.
 */
function useCountThatFits(
  candidates: readonly unknown[],
  areasRef: RefObject<HTMLElement | null>,
  questionsRef: RefObject<HTMLElement | null>,
): number {
  const [viewport, setViewport] = useState(() => `${window.innerWidth}×${window.innerHeight}`);
  // A new window size or new questions (a new array, the aggregate being memoised) start from them all again.
  const [fit, setFit] = useState({ viewport, candidates, count: candidates.length });
  const count = fit.viewport === viewport && fit.candidates === candidates ? fit.count : candidates.length;

  useEffect(() => {
    const onResize = () => setViewport(`${window.innerWidth}×${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useLayoutEffect(() => {
    const areas = areasRef.current;
    const questions = questionsRef.current;
    const screen = questions?.closest('.projection');
    if (!areas || !questions || !screen || count <= 1) return;
    const areasBox = areas.getBoundingClientRect();
    const questionsBox = questions.getBoundingClientRect();
    const sideBySide = questionsBox.top < areasBox.bottom;
    const overflows = screen.scrollHeight > screen.clientHeight;
    if (sideBySide && overflows && questionsBox.bottom > areasBox.bottom) setFit({ viewport, candidates, count: count - 1 });
  });

  return count;
}
