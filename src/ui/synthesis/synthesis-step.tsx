import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useMemo, useState } from 'react';
import { createAnswersFile } from '../../domain/answers';
import { diagnose } from '../../domain/diagnose';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { selectHighlights } from '../../domain/highlights';
import type { DimensionScore } from '../../domain/scoring';
import { PILLAR_LABELS } from '../../domain/pillars';
import { HORIZONS, type Questionnaire } from '../../domain/questionnaire-schema';
import { toolkitQueryOptions } from '../../data/questionnaire-queries';
import { WizardActorContext } from '../../machine/wizard-actor-context';
import { useDiagnosisDates } from '../diagnosis-dates';
import { buildAnswersFileName } from '../../report/report-model';
import { FORMAT_LABELS, HORIZON_HEADINGS, KIND_LABELS } from '../../report/report-wording';
import { saveFile } from '../../report/save-file';
import { messages } from '../messages';

// recharts is heavy: it loads with this step only, never in the first load.
const PillarRadarChart = lazy(() => import('./pillar-radar-chart'));

export function SynthesisStep({ onNewDiagnosis }: { onNewDiagnosis: () => void }) {
  const actorRef = WizardActorContext.useActorRef();
  const questionnaire = WizardActorContext.useSelector((snapshot) => snapshot.context.questionnaire);
  const answers = WizardActorContext.useSelector((snapshot) => snapshot.context.answers);
  const toolkit = useQuery(toolkitQueryOptions).data;
  const dates = useDiagnosisDates();
  const diagnosis = useMemo(() => (toolkit ? diagnose(questionnaire, toolkit, answers) : null), [questionnaire, toolkit, answers]);
  const [pdfStatus, setPdfStatus] = useState<'idle' | 'working' | 'done' | 'failed'>('idle');

  if (!toolkit || !diagnosis) return <p>{messages.welcome.loading}</p>;
  const highlights = selectHighlights(diagnosis.scores);
  const areas = [diagnosis.project, ...diagnosis.pillars];

  const answersFile = () => createAnswersFile(questionnaire, answers, new Date(), { createdAt: new Date(dates.createdAt) });
  const organisationName = readOrganisationName(questionnaire, answers);

  const downloadPdf = async () => {
    setPdfStatus('working');
    try {
      const { downloadReport } = await import('../../report/download-report');
      await downloadReport({ questionnaire, toolkit, file: answersFile(), diagnosis, generatedAt: new Date() });
      setPdfStatus('done');
    } catch (error) {
      console.error(error);
      setPdfStatus('failed');
    }
  };

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
                      <span className="score-value">{area.score}</span>
                      <span className="visually-hidden"> sur 100</span>
                      <span className="score-bar" aria-hidden="true">
                        <span style={{ width: `${area.score}%` }} />
                      </span>
                    </span>
                  )}
                </td>
                <td>
                  {area.level ? (
                    <>
                      <strong>{area.level.label}</strong>
                      <span className="level-description">{bindFrenchPunctuation(area.level.description)}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Suspense fallback={null}>
          <PillarRadarChart pillars={diagnosis.pillars.map((pillar) => ({ label: PILLAR_LABELS[pillar.id], score: pillar.score }))} />
        </Suspense>
      </section>

      <div className="two-columns">
        <section aria-labelledby="strengths-heading" className="card">
          <h2 id="strengths-heading">{messages.synthesis.strengthsHeading}</h2>
          {highlights.strengths.length === 0 ? (
            <p>{messages.synthesis.noStrengths}</p>
          ) : (
            <ul className="highlights">
              {highlights.strengths.map((dimension) => (
                <DimensionHighlight key={dimension.id} dimension={dimension} icon="+" />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="vigilance-heading" className="card">
          <h2 id="vigilance-heading">{messages.synthesis.vigilanceHeading}</h2>
          <ul className="highlights">
            {highlights.fragilities.map((dimension) => (
              <DimensionHighlight key={dimension.id} dimension={dimension} icon="!" />
            ))}
            {diagnosis.flags.map((flag) => (
              <li key={flag.checkId}>
                <span aria-hidden="true" className="highlight-icon">!</span> {bindFrenchPunctuation(flag.message)}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="path-heading" className="card">
        <h2 id="path-heading">{messages.synthesis.pathHeading}</h2>
        <p>{messages.synthesis.pathIntro}</p>
        {HORIZONS.map((horizon) => {
          const steps = diagnosis.path.filter((step) => step.horizon === horizon);
          if (steps.length === 0) return null;
          return (
            <section key={horizon} aria-labelledby={`horizon-${horizon}`} className="horizon">
              <h3 id={`horizon-${horizon}`}>{HORIZON_HEADINGS[horizon]}</h3>
              <ol className="path-steps">
                {steps.map((step) => (
                  <li key={step.toolId} className="path-step" value={step.order}>
                    <p className="path-kind">
                      {KIND_LABELS[step.kind]}
                      {step.pillar ? ` · ${PILLAR_LABELS[step.pillar]}` : ''}
                    </p>
                    <h4 className="path-title">{bindFrenchPunctuation(step.tool.title)}</h4>
                    <p className="path-meta">
                      {FORMAT_LABELS[step.tool.format]} · {step.tool.duration} · {step.tool.publisher}
                    </p>
                    <p>{bindFrenchPunctuation(step.tool.description)}</p>
                    <p className="path-reason">{bindFrenchPunctuation(step.reason)}</p>
                    {step.tool.url ? (
                      <a href={step.tool.url} target="_blank" rel="noopener noreferrer" aria-label={messages.synthesis.openTool(step.tool.title)}>
                        {step.tool.url.replace(/^https:\/\//, '').split('/')[0]} ↗
                      </a>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </section>

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
          <button type="button" className="button button-link" onClick={onNewDiagnosis}>
            {messages.synthesis.newDiagnosis}
          </button>
        </div>
        <p role="status" className="pdf-status">
          {pdfStatus === 'done' ? messages.synthesis.pdfReady : pdfStatus === 'failed' ? messages.synthesis.pdfFailed : ''}
        </p>
      </section>
    </div>
  );
}

function DimensionHighlight({ dimension, icon }: { dimension: DimensionScore; icon: string }) {
  return (
    <li>
      <span aria-hidden="true" className="highlight-icon">
        {icon}
      </span>{' '}
      {dimension.label} ({PILLAR_LABELS[dimension.area]}) : {dimension.score} / 100, {dimension.level?.label.toLowerCase()}
    </li>
  );
}

function readOrganisationName(questionnaire: Questionnaire, answers: Record<string, unknown>): string {
  const value = answers[questionnaire.bindings.organisationName];
  return typeof value === 'string' ? value : '';
}
