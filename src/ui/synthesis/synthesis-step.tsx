import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useMemo } from 'react';
import { diagnose } from '../../domain/diagnose';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { describeHighlight, selectHighlights } from '../../domain/highlights';
import { findNextLevel, type DimensionScore } from '../../domain/scoring';
import { PILLAR_LABELS } from '../../domain/pillars';
import type { Level, Questionnaire } from '../../domain/questionnaire-schema';
import { toolkitQueryOptions } from '../../data/questionnaire-queries';
import { WizardActorContext } from '../../machine/wizard-actor-context';
import { buildDiagnosisFile, useDiagnosisFileInfo } from '../diagnosis-file';
import { buildAnswersFileName } from '../../report/report-model';
import { saveFile } from '../../report/save-file';
import { messages } from '../messages';
import { AnswersReview, type EditAnswer } from './answers-review';
import { PathTimeline } from './path-timeline';
import { ShareLinkButton } from './share-link-button';
import { useReportDownload } from '../use-report-download';
import { useOpenDiagnosisControls } from '../library/open-diagnosis-context';
import { formatLibraryDate } from '../library/library-format';

// recharts is heavy: it loads with this step only, never in the first load.
const PillarRadarChart = lazy(() => import('./pillar-radar-chart'));
const DimensionBarChart = lazy(() => import('./dimension-bar-chart'));

export function SynthesisStep({ onNewDiagnosis, onEditAnswer }: { onNewDiagnosis: () => void; onEditAnswer: EditAnswer }) {
  const actorRef = WizardActorContext.useActorRef();
  const questionnaire = WizardActorContext.useSelector((snapshot) => snapshot.context.questionnaire);
  const answers = WizardActorContext.useSelector((snapshot) => snapshot.context.answers);
  const pathProgress = WizardActorContext.useSelector((snapshot) => snapshot.context.pathProgress);
  const toolkit = useQuery(toolkitQueryOptions).data;
  const fileInfo = useDiagnosisFileInfo();
  const diagnosis = useMemo(() => (toolkit ? diagnose(questionnaire, toolkit, answers) : null), [questionnaire, toolkit, answers]);
  const { status: pdfStatus, download } = useReportDownload();
  const library = useOpenDiagnosisControls();

  if (!toolkit || !diagnosis) return <p>{messages.welcome.loading}</p>;
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
    <div className="synthesis">
      <p className="step-intro">{messages.synthesis.intro}</p>

      <section aria-labelledby="scores-heading" className="card">
        <h2 id="scores-heading">{messages.synthesis.scoresHeading}</h2>
        <table className="scores-table">
          <thead>
            <tr>
              <th scope="col">{messages.synthesis.area}</th>
              <th scope="col">{messages.synthesis.score}</th>
              <th scope="col">{messages.synthesis.level}</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.id}>
                <th scope="row">{PILLAR_LABELS[area.id]}</th>
                <td>
                  {area.isNotApplicable ? (
                    messages.fields.notApplicable
                  ) : area.score === null ? (
                    <span title={messages.synthesis.insufficientHelp}>{messages.synthesis.insufficient}</span>
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
          <PillarRadarChart pillars={diagnosis.pillars.map((pillar) => ({ label: PILLAR_LABELS[pillar.id], score: pillar.score }))} />
        </Suspense>
        <div className="level-cards">
          {areas.map((area) =>
            area.level ? <LevelExplanation key={area.id} areaLabel={PILLAR_LABELS[area.id]} level={area.level} levels={questionnaire.levels} /> : null,
          )}
        </div>
      </section>

      <section aria-labelledby="dimensions-heading" className="card">
        <h2 id="dimensions-heading">{messages.synthesis.dimensionsHeading}</h2>
        <p>{messages.synthesis.dimensionsIntro}</p>
        <Suspense fallback={null}>
          <DimensionBarChart
            dimensions={diagnosis.scores.dimensions.map((dimension) => ({
              id: dimension.id,
              label: dimension.label,
              pillarLabel: PILLAR_LABELS[dimension.area],
              score: dimension.score,
            }))}
          />
        </Suspense>
        <DimensionsTable dimensions={diagnosis.scores.dimensions} />
      </section>

      <div className="two-columns">
        <section aria-labelledby="strengths-heading" className="card">
          <h2 id="strengths-heading">{messages.synthesis.strengthsHeading}</h2>
          {highlights.strengths.length === 0 ? (
            <p>{messages.synthesis.noStrengths}</p>
          ) : (
            <ul className="highlights">
              {highlights.strengths.map((dimension) => (
                <Highlight key={dimension.id} icon="+" text={describeHighlight(dimension, 'strength', questionnaire.levels)} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="vigilance-heading" className="card">
          <h2 id="vigilance-heading">{messages.synthesis.vigilanceHeading}</h2>
          <ul className="highlights">
            {highlights.fragilities.map((dimension) => (
              <Highlight key={dimension.id} icon="!" text={describeHighlight(dimension, 'fragility', questionnaire.levels)} />
            ))}
            {diagnosis.flags.map((flag) => (
              <Highlight key={flag.checkId} icon="!" text={flag.message} />
            ))}
          </ul>
        </section>
      </div>

      <PathTimeline path={diagnosis.path} />

      <AnswersReview questionnaire={questionnaire} answers={answers} onEditAnswer={onEditAnswer} />

      <section aria-labelledby="export-heading" className="card actions-card">
        <h2 id="export-heading">{messages.synthesis.exportHeading}</h2>
        <p>{messages.synthesis.exportHelp}</p>
        <div className="step-actions">
          <button type="button" className="button button-primary" onClick={downloadPdf} disabled={pdfStatus === 'working'}>
            {pdfStatus === 'working' ? messages.synthesis.preparingPdf : messages.synthesis.downloadPdf}
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
            {messages.wizard.exportAnswers}
          </button>
          <button type="button" className="button button-secondary" onClick={() => actorRef.send({ type: 'step.back' })}>
            {messages.synthesis.editAnswers}
          </button>
          {library?.previous ? (
            <button type="button" className="button button-secondary" onClick={library.onCompareWithPrevious}>
              {messages.library.compareWithPrevious(formatLibraryDate(library.previous.updatedAt))}
            </button>
          ) : null}
          {library ? (
            <button type="button" className="button button-secondary" onClick={library.onRedo}>
              {messages.library.redo}
            </button>
          ) : null}
          <button type="button" className="button button-link" onClick={onNewDiagnosis}>
            {messages.synthesis.newDiagnosis}
          </button>
        </div>
        <p role="status" className="pdf-status">
          {pdfStatus === 'done' ? messages.synthesis.pdfReady : pdfStatus === 'failed' ? messages.synthesis.pdfFailed : ''}
        </p>
        <ShareLinkButton buildFile={answersFile} />
      </section>
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
  const next = findNextLevel(levels, level);
  return (
    <section className="level-card" aria-label={messages.synthesis.levelCardLabel(areaLabel, level.label)}>
      <h3>
        {areaLabel} : {level.label}
      </h3>
      <p>
        <span className="level-caption">{messages.synthesis.levelMeaning}</span> {bindFrenchPunctuation(level.description)}
      </p>
      <p className="level-next">
        {next ? bindFrenchPunctuation(messages.synthesis.nextLevel(next.label, next.description)) : messages.synthesis.topLevel}
      </p>
    </section>
  );
}

function DimensionsTable({ dimensions }: { dimensions: DimensionScore[] }) {
  return (
    <table className="scores-table dimensions-table">
      <caption className="visually-hidden">{messages.synthesis.dimensionsChartLabel}</caption>
      <thead>
        <tr>
          <th scope="col">{messages.synthesis.dimension}</th>
          <th scope="col">{messages.synthesis.score}</th>
          <th scope="col">{messages.synthesis.level}</th>
        </tr>
      </thead>
      <tbody>
        {dimensions.map((dimension) => (
          <tr key={dimension.id}>
            <th scope="row">
              {dimension.label}
              <span className="dimension-pillar">{PILLAR_LABELS[dimension.area]}</span>
            </th>
            <td>
              {dimension.isNotApplicable
                ? messages.fields.notApplicable
                : dimension.score === null
                  ? messages.synthesis.insufficient
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
