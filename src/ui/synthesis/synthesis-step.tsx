import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnose } from '../../domain/diagnose';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { describeHighlight, selectHighlights } from '../../domain/highlights';
import { findNextLevel, type DimensionScore } from '../../domain/scoring';
import type { Level, Questionnaire } from '../../domain/questionnaire-schema';
import { toolkitQueryOptions } from '../../data/questionnaire-queries';
import { useLanguage } from '../../i18n/use-language';
import { WizardActorContext } from '../../machine/wizard-actor-context';
import { buildDiagnosisFile, useDiagnosisFileInfo } from '../diagnosis-file';
import { buildAnswersFileName } from '../../report/report-model';
import { saveFile } from '../../report/save-file';
import { AnswersReview, type EditAnswer } from './answers-review';
import { PathTimeline } from './path-timeline';
import { ShareLinkButton } from './share-link-button';
import { useReportDownload } from '../use-report-download';
import { useOpenDiagnosisControls } from '../library/open-diagnosis-context';
import { useStagesAfterPaint } from '../use-stages-after-paint';
import { reportWordingQueryOptions, useReportWording } from './use-report-wording';
import type { Language } from '../../i18n/languages';
import { formatLibraryDate } from '../library/library-format';

// recharts is heavy: it loads with this step only, never in the first load.
const PillarRadarChart = lazy(() => import('./pillar-radar-chart'));
const DimensionBarChart = lazy(() => import('./dimension-bar-chart'));

/** Fetches what the synthesis shows besides the answers (the toolkit, the report's words), before it opens. */
export function prepareSynthesis(queryClient: QueryClient, language: Language): Promise<unknown> {
  return Promise.all([queryClient.prefetchQuery(toolkitQueryOptions(language)), queryClient.prefetchQuery(reportWordingQueryOptions(language))]);
}

export function SynthesisStep({ onNewDiagnosis, onEditAnswer }: { onNewDiagnosis: () => void; onEditAnswer: EditAnswer }) {
  const { t } = useTranslation();
  const actorRef = WizardActorContext.useActorRef();
  const questionnaire = WizardActorContext.useSelector((snapshot) => snapshot.context.questionnaire);
  const answers = WizardActorContext.useSelector((snapshot) => snapshot.context.answers);
  const pathProgress = WizardActorContext.useSelector((snapshot) => snapshot.context.pathProgress);
  const language = useLanguage();
  const toolkit = useQuery(toolkitQueryOptions(language)).data;
  const wording = useReportWording();
  const fileInfo = useDiagnosisFileInfo();
  // In stages, one per paint: the step's heading alone (the click answered at once), then the
  // scores, then the dimensions, the path, the answers and the exports.
  const stage = useStagesAfterPaint(2);
  const isScored = stage >= 1;
  const diagnosis = useMemo(
    () => (isScored && toolkit && wording ? diagnose(questionnaire, toolkit, answers, wording.diagnosis) : null),
    [isScored, questionnaire, toolkit, answers, wording],
  );
  const { status: pdfStatus, download } = useReportDownload();
  const library = useOpenDiagnosisControls();
  const isWhole = stage >= 2;

  if (!toolkit || !wording || !diagnosis) return <p aria-busy="true">{t('welcome.loading')}</p>;
  const highlights = selectHighlights(diagnosis.scores);
  const areas = [diagnosis.project, ...diagnosis.pillars];

  const answersFile = () => buildDiagnosisFile({ questionnaire, answers, pathProgress }, fileInfo, new Date());
  const organisationName = readOrganisationName(questionnaire, answers);

  const downloadPdf = () =>
    download(async () => {
      // A redone diagnosis prints how it changed since the one it redoes.
      const previous = library ? await library.loadPrevious() : null;
      return { questionnaire, toolkit, file: answersFile(), diagnosis, generatedAt: new Date(), ...(previous ? { evolution: { older: previous } } : {}) };
    });

  return (
    <div className="synthesis" aria-busy={isWhole ? undefined : true}>
      <p className="step-intro">{t('synthesis.intro')}</p>

      <section aria-labelledby="scores-heading" className="card">
        <h2 id="scores-heading">{t('synthesis.scoresHeading')}</h2>
        <table className="scores-table">
          <thead>
            <tr>
              <th scope="col">{t('synthesis.area')}</th>
              <th scope="col">{t('synthesis.score')}</th>
              <th scope="col">{t('synthesis.level')}</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.id}>
                <th scope="row">{t(`pillars.${area.id}`)}</th>
                <td>
                  {area.isNotApplicable ? (
                    t('fields.notApplicable')
                  ) : area.score === null ? (
                    <span title={t('synthesis.insufficientHelp')}>{t('synthesis.insufficient')}</span>
                  ) : (
                    <span className="score">
                      <span className="score-value">
                        {area.score}
                        <span className="score-scale"> / 100</span>
                      </span>
                      <span className="score-bar" aria-hidden="true">
                        <span style={{ width: `${area.score}%` }} />
                      </span>
                    </span>
                  )}
                </td>
                <td>{area.level ? <strong>{area.level.label}</strong> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Suspense fallback={null}>
          <PillarRadarChart pillars={diagnosis.pillars.map((pillar) => ({ label: t(`pillars.${pillar.id}`), score: pillar.score }))} />
        </Suspense>
        <div className="level-cards">
          {areas.map((area) =>
            area.level ? <LevelExplanation key={area.id} areaLabel={t(`pillars.${area.id}`)} level={area.level} levels={questionnaire.levels} /> : null,
          )}
        </div>
      </section>

      {isWhole ? (
        <>
          <section aria-labelledby="dimensions-heading" className="card">
            <h2 id="dimensions-heading">{t('synthesis.dimensionsHeading')}</h2>
            <p>{t('synthesis.dimensionsIntro')}</p>
            <Suspense fallback={null}>
              <DimensionBarChart
                dimensions={diagnosis.scores.dimensions.map((dimension) => ({
                  id: dimension.id,
                  label: dimension.label,
                  pillarLabel: t(`pillars.${dimension.area}`),
                  score: dimension.score,
                }))}
              />
            </Suspense>
            <DimensionsTable dimensions={diagnosis.scores.dimensions} />
          </section>

          <div className="two-columns">
            <section aria-labelledby="strengths-heading" className="card">
              <h2 id="strengths-heading">{t('synthesis.strengthsHeading')}</h2>
              {highlights.strengths.length === 0 ? (
                <p>{t('synthesis.noStrengths')}</p>
              ) : (
                <ul className="highlights">
                  {highlights.strengths.map((dimension) => (
                    <Highlight key={dimension.id} icon="+" text={describeHighlight(dimension, 'strength', questionnaire.levels, wording.highlight)} />
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="vigilance-heading" className="card">
              <h2 id="vigilance-heading">{t('synthesis.vigilanceHeading')}</h2>
              <ul className="highlights">
                {highlights.fragilities.map((dimension) => (
                  <Highlight key={dimension.id} icon="!" text={describeHighlight(dimension, 'fragility', questionnaire.levels, wording.highlight)} />
                ))}
                {diagnosis.flags.map((flag) => (
                  <Highlight key={flag.checkId} icon="!" text={flag.message} />
                ))}
              </ul>
            </section>
          </div>

          <PathTimeline path={diagnosis.path} />

          <AnswersReview questionnaire={questionnaire} answers={answers} wording={wording} onEditAnswer={onEditAnswer} />

          <section aria-labelledby="export-heading" className="card actions-card">
            <h2 id="export-heading">{t('synthesis.exportHeading')}</h2>
            <p>{t('synthesis.exportHelp')}</p>
            <div className="step-actions">
              <button type="button" className="button button-primary" onClick={downloadPdf} disabled={pdfStatus === 'working'}>
                {pdfStatus === 'working' ? t('synthesis.preparingPdf') : t('synthesis.downloadPdf')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  saveFile(
                    new Blob([JSON.stringify(answersFile(), null, 2)], { type: 'application/json' }),
                    buildAnswersFileName(organisationName, new Date()),
                  )
                }
              >
                {t('wizard.exportAnswers')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => actorRef.send({ type: 'step.back' })}>
                {t('synthesis.editAnswers')}
              </button>
              {library?.previous ? (
                <button type="button" className="button button-secondary" onClick={library.onCompareWithPrevious}>
                  {t('library.compareWithPrevious', { date: formatLibraryDate(library.previous.updatedAt) })}
                </button>
              ) : null}
              {library ? (
                <button type="button" className="button button-secondary" onClick={library.onRedo}>
                  {t('library.redo')}
                </button>
              ) : null}
              <button type="button" className="button button-link" onClick={onNewDiagnosis}>
                {t('synthesis.newDiagnosis')}
              </button>
            </div>
            <p role="status" className="pdf-status">
              {pdfStatus === 'done' ? t('synthesis.pdfReady') : pdfStatus === 'failed' ? t('synthesis.pdfFailed') : ''}
            </p>
            <ShareLinkButton buildFile={answersFile} />
          </section>
        </>
      ) : null}
    </div>
  );
}

function Highlight({ icon, text }: { icon: string; text: string }) {
  return (
    <li>
      <span aria-hidden="true" className="highlight-icon">
        {icon}
      </span>
      <span>{bindFrenchPunctuation(text)}</span>
    </li>
  );
}

function LevelExplanation({ areaLabel, level, levels }: { areaLabel: string; level: Level; levels: Level[] }) {
  const { t } = useTranslation();
  const next = findNextLevel(levels, level);
  return (
    <section className="level-card" aria-label={t('synthesis.levelCardLabel', { area: areaLabel, level: level.label })}>
      <h3>{t('synthesis.levelCardLabel', { area: areaLabel, level: level.label })}</h3>
      <p>
        <span className="level-caption">{t('synthesis.levelMeaning')}</span> {bindFrenchPunctuation(level.description)}
      </p>
      <p className="level-next">
        {next ? bindFrenchPunctuation(t('synthesis.nextLevel', { label: next.label, description: next.description })) : t('synthesis.topLevel')}
      </p>
    </section>
  );
}

function DimensionsTable({ dimensions }: { dimensions: DimensionScore[] }) {
  const { t } = useTranslation();
  return (
    <table className="scores-table dimensions-table">
      <caption className="visually-hidden">{t('synthesis.dimensionsChartLabel')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('synthesis.dimension')}</th>
          <th scope="col">{t('synthesis.score')}</th>
          <th scope="col">{t('synthesis.level')}</th>
        </tr>
      </thead>
      <tbody>
        {dimensions.map((dimension) => (
          <tr key={dimension.id}>
            <th scope="row">
              {dimension.label}
              <span className="dimension-pillar">{t(`pillars.${dimension.area}`)}</span>
            </th>
            <td>
              {dimension.isNotApplicable
                ? t('fields.notApplicable')
                : dimension.score === null
                  ? t('synthesis.insufficient')
                  : `${dimension.score} / 100`}
            </td>
            <td>{dimension.level?.label ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function readOrganisationName(questionnaire: Questionnaire, answers: Record<string, unknown>): string {
  const value = answers[questionnaire.bindings.organisationName];
  return typeof value === 'string' ? value : '';
}
